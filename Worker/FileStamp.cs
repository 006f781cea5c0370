namespace CleaNum.Worker;

/// <summary>
/// What tells one version of a file from another without reading it: whether it is there, its size and its last write
/// time (UTC). The one comparison behind the inbox's stability check (<see cref="Service.FileStability"/>), a deferred
/// file waking up when it changes (<see cref="Service.SubmissionDispatcher"/>), the roster watcher
/// (<see cref="Service.RosterWatcher"/>) and the roster cache (<see cref="WorkbookRosterSource"/>).
/// </summary>
internal readonly record struct FileStamp(bool Exists, long Length, DateTime WrittenAtUtc)
{
    public static FileStamp Of(string path) => Of(new FileInfo(path));

    public static FileStamp Of(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Exists ? new FileStamp(true, file.Length, file.LastWriteTimeUtc) : default;
    }
}
