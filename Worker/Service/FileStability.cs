namespace CleaNum.Worker.Service;

internal enum StabilityState
{
    /// <summary>Unchanged for the delay and opens exclusively: take it.</summary>
    Stable,

    /// <summary>Still being written, or held open by someone else: look again later.</summary>
    Waiting,

    /// <summary>No longer there.</summary>
    Gone,
}

internal readonly record struct StabilityCheck(StabilityState State, DateTimeOffset RecheckAt);

/// <summary>
/// Decides when a file in <c>depot/</c> is complete: its size and last write time must be unchanged for
/// <see cref="InboxOptions.StabilityDelay"/> between two looks, and it must open with <see cref="FileShare.None"/>
/// (a writer that still holds it, an Office lock or a copy in progress make that fail). A copy that keeps the
/// original time stamps is covered by the size and by the exclusive open.
/// </summary>
internal sealed class FileStability(TimeProvider time, TimeSpan delay)
{
    private readonly Dictionary<string, (FileStamp Stamp, DateTimeOffset Since)> _seen = new(FileErrors.PathComparer);

    public StabilityCheck Check(string path)
    {
        DateTimeOffset now = time.GetUtcNow();
        var stamp = FileStamp.Of(path);
        if (!stamp.Exists)
        {
            _seen.Remove(path);
            return new StabilityCheck(StabilityState.Gone, now);
        }

        if (!_seen.TryGetValue(path, out var seen) || seen.Stamp != stamp)
        {
            _seen[path] = (stamp, now);
            return new StabilityCheck(StabilityState.Waiting, now + delay);
        }

        if (now - seen.Since < delay)
        {
            return new StabilityCheck(StabilityState.Waiting, seen.Since + delay);
        }

        try
        {
            using var exclusive = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 1);
            return exclusive.Length == stamp.Length
                ? new StabilityCheck(StabilityState.Stable, now)
                : Restart(path, exclusive.Length, now);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            _seen.Remove(path);
            return new StabilityCheck(StabilityState.Gone, now);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // locked by another process (sharing violation / flock), or not readable yet: wait
            return new StabilityCheck(StabilityState.Waiting, now + delay);
        }
    }

    public void Forget(string path) => _seen.Remove(path);

    public void ForgetAll() => _seen.Clear();

    private StabilityCheck Restart(string path, long size, DateTimeOffset now)
    {
        _seen[path] = (new FileStamp(true, size, File.GetLastWriteTimeUtc(path)), now);
        return new StabilityCheck(StabilityState.Waiting, now + delay);
    }
}
