namespace CleaNum.Worker.Service;

internal enum InboxFileKind
{
    /// <summary>Not for us: <c>~$*</c> lock files, <c>*.tmp</c>, <c>*.part</c>, hidden files or folders, system files.</summary>
    Ignored,

    /// <summary>A member's file to ingest.</summary>
    Submission,

    /// <summary>A file named <c>consolider</c> or <c>consolider.txt</c> (any case): consolidate now, then delete it.
    /// <c>consolider.xlsx</c> is a member's file like any other (service.md « Schedule »).</summary>
    ConsolidationTrigger,

    /// <summary>A symbolic link (to a file or a folder, or under a linked folder), a FIFO, a socket or a device: never
    /// followed, opened or moved; left in place and logged once.</summary>
    Unsupported,
}

/// <summary>What a path found under <c>depot/</c> is. Only paths inside <c>depot/</c> are ever taken.</summary>
internal static class InboxFiles
{
    public const string TriggerName = "consolider";

    private static readonly string[] SystemFiles = ["desktop.ini", "thumbs.db", ".DS_Store"];

    /// <summary>What neither the watcher nor <c>ingest</c> takes: <c>~$*</c> lock files, <c>*.tmp</c>, <c>*.part</c>,
    /// hidden files.</summary>
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
        if (name.StartsWith('.') || IsIgnored(path) || SystemFiles.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return InboxFileKind.Ignored;
        }

        // depot/ itself may be a link set up by the administrator; nothing below it is followed
        string current = Path.GetFullPath(depot);
        foreach (string segment in segments)
        {
            current = Path.Combine(current, segment);
            switch (NativeFiles.KindOf(current))
            {
                case EntryKind.Link or EntryKind.Special:
                    return InboxFileKind.Unsupported;
                case EntryKind.Directory when !ReferenceEquals(segment, segments[^1]):
                    continue;
                case EntryKind.Directory:
                    return InboxFileKind.Ignored; // a folder: its files are listed one by one
                default:
                    continue;
            }
        }

        return IsTrigger(name) ? InboxFileKind.ConsolidationTrigger : InboxFileKind.Submission;
    }

    /// <summary><c>consolider</c> or <c>consolider.txt</c>, any case — nothing else.</summary>
    public static bool IsTrigger(string name) =>
        name.Equals(TriggerName, StringComparison.OrdinalIgnoreCase)
        || name.Equals(TriggerName + ".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Every entry under <paramref name="folder"/> that is not a folder: files, but also links, FIFOs, sockets and
    /// devices (for <see cref="Classify"/> to set aside). Linked folders are never descended into. A name that is not
    /// valid UTF-8 is renamed to a valid one first (<paramref name="renamed"/> hears of it). A folder that disappears
    /// meanwhile yields what was seen.
    /// </summary>
    public static IEnumerable<string> Enumerate(string folder, Action<string>? renamed = null)
    {
        var found = new List<string>();
        var folders = new Stack<string>();
        folders.Push(Path.GetFullPath(folder));
        bool top = true;
        while (folders.TryPop(out string? current))
        {
            if (!top && NativeFiles.KindOf(current) != EntryKind.Directory)
            {
                continue;
            }

            top = false;
            List<string> entries = List(current);
            if (entries.Any(e => e.Contains('\uFFFD', StringComparison.Ordinal)))
            {
                foreach (string name in NativeFiles.RenameInvalidNames(current))
                {
                    renamed?.Invoke(name);
                }

                entries = List(current);
            }

            foreach (string entry in entries)
            {
                if (NativeFiles.KindOf(entry) == EntryKind.Directory)
                {
                    folders.Push(entry);
                }
                else
                {
                    found.Add(entry);
                }
            }
        }

        return found;
    }

    private static List<string> List(string folder)
    {
        try
        {
            return [.. Directory.EnumerateFileSystemEntries(folder)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
