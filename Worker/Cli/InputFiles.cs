namespace CleaNum.Worker.Cli;

/// <summary>Expands the PATH arguments of <c>ingest</c>: files as given, folders recursively, skipping what the watcher
/// skips (<c>~$*</c> lock files, <c>*.tmp</c>, <c>*.part</c>, hidden files).</summary>
internal static class InputFiles
{
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
                // a link named explicitly is taken as its target: the link itself is never moved or archived
                string full = Path.GetFullPath(path);
                files.Add(NativeFiles.KindOf(full) == EntryKind.Link && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target
                    ? Path.GetFullPath(target.FullName)
                    : full);
            }
            else if (Directory.Exists(path))
            {
                // as the watcher: links are not followed, FIFOs, sockets and devices never opened
                files.AddRange(Service.InboxFiles.Enumerate(path)
                    .Where(f => NativeFiles.KindOf(f) == EntryKind.Regular && !Service.InboxFiles.IsIgnored(f) && !IsFolderDocumentation(f))
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
