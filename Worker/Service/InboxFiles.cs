using CleaNum.Worker.Cli;

namespace CleaNum.Worker.Service;

internal enum InboxFileKind
{
    /// <summary>Not for us: <c>~$*</c> lock files, <c>*.tmp</c>, <c>*.part</c>, hidden files or folders, system files.</summary>
    Ignored,

    /// <summary>A member's file to ingest.</summary>
    Submission,

    /// <summary>A file named <c>consolider</c> (any extension, any case): consolidate now, then delete it.</summary>
    ConsolidationTrigger,
}

/// <summary>What a path found under <c>depot/</c> is. Only paths inside <c>depot/</c> are ever taken.</summary>
internal static class InboxFiles
{
    public const string TriggerName = "consolider";

    private static readonly string[] SystemFiles = ["desktop.ini", "thumbs.db", ".DS_Store"];

    public static InboxFileKind Classify(string path, string depot)
    {
        if (!DataFolder.IsInside(path, depot))
        {
            return InboxFileKind.Ignored;
        }

        string relative = Path.GetRelativePath(depot, path);
        string[] segments = relative.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        foreach (string folder in segments.SkipLast(1))
        {
            // a hidden folder (.git, .Trash-1000…) or a temporary one holds nothing for us
            if (folder.StartsWith('.') || folder.StartsWith("~$", StringComparison.Ordinal))
            {
                return InboxFileKind.Ignored;
            }
        }

        string name = Path.GetFileName(path);
        if (InputFiles.IsIgnored(path) || SystemFiles.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return InboxFileKind.Ignored;
        }

        return Path.GetFileNameWithoutExtension(name).Equals(TriggerName, StringComparison.OrdinalIgnoreCase)
            ? InboxFileKind.ConsolidationTrigger
            : InboxFileKind.Submission;
    }

    /// <summary>Every file under <paramref name="folder"/>; a folder that disappears meanwhile yields what was seen.</summary>
    public static IEnumerable<string> Enumerate(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
        };
        try
        {
            return [.. Directory.EnumerateFiles(folder, "*", options)];
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or IOException)
        {
            return [];
        }
    }
}
