namespace CleaNum.Worker.Cli;

/// <summary>Expands the PATH arguments of <c>ingest</c>: files as given, folders recursively, skipping what the watcher
/// skips (<c>~$*</c> lock files, <c>*.tmp</c>, <c>*.part</c>, hidden files).</summary>
internal static class InputFiles
{
    public static bool IsIgnored(string path)
    {
        string name = Path.GetFileName(path);
        if (name.StartsWith("~$", StringComparison.Ordinal) || name.StartsWith('.'))
        {
            return true;
        }

        string extension = Path.GetExtension(name);
        if (extension.Equals(".tmp", StringComparison.OrdinalIgnoreCase) || extension.Equals(".part", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            return File.Exists(path) && (File.GetAttributes(path) & FileAttributes.Hidden) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// In a folder given to <c>ingest</c>, the roster (<c>reseau.xlsx</c>) and a <c>README</c> describing the folder are
    /// not member files. Named explicitly, they are ingested like any other file.
    /// </summary>
    private static bool IsFolderDocumentation(string path)
    {
        string name = Path.GetFileName(path);
        return name.Equals(Core.Workbook.NetworkWorkbookSchema.FileName, StringComparison.OrdinalIgnoreCase)
            || Path.GetFileNameWithoutExtension(name).Equals("README", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The files to ingest, or the first path that does not exist.</summary>
    public static (IReadOnlyList<string> Files, string? Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !IsIgnored(f) && !IsFolderDocumentation(f))
                    .Order(StringComparer.Ordinal)
                    .Select(Path.GetFullPath));
            }
            else
            {
                return ([], path);
            }
        }

        return (files, null);
    }
}
