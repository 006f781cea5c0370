namespace CleaNum.Benchmarks.Process;

/// <summary>
/// The data folders of the measured processes, removed once every measure is done rather than right after each one.
/// On this machine's ext4 (no journal) a file created within a minute or so of thousands of deletions makes the
/// kernel walk past every recently freed inode (<c>recently_deleted</c> in <c>find_inode_bit</c>): deleting the
/// previous run's 3,000 files just before the next `cleanum ingest` cost that process up to a quarter of its CPU in
/// the kernel (profiled with `perf`), a cost of the harness and not of CleaNum (the read process creates no file).
/// </summary>
internal static class Leftovers
{
    private static readonly List<string> Folders = [];

    public static void Add(string folder) => Folders.Add(folder);

    /// <summary>Folders of a run that was stopped before its end.</summary>
    public static void RemoveFromEarlierRuns(string work)
    {
        foreach (string folder in Directory.EnumerateDirectories(work)
                     .Where(d => Path.GetFileName(d) is { } name && (name.StartsWith("data-", StringComparison.Ordinal) || name.StartsWith("service-", StringComparison.Ordinal))))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static void RemoveAll()
    {
        foreach (string folder in Folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }

        Folders.Clear();
    }
}
