namespace CleaNum.Worker;

/// <summary>Which I/O failures come from the machine (full disk, read-only or protected folder) rather than from a
/// file's content, and the French sentence a user reads for them.</summary>
internal static class SystemErrors
{
    private const int NoSpace = 28; // ENOSPC: .NET keeps errno as the HResult of an IOException on Unix
    private const int QuotaExceeded = 122; // EDQUOT
    private const int ReadOnlyFileSystem = 30; // EROFS
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    public static bool IsDiskFull(Exception ex) => ex switch
    {
        IOException io => io.HResult is NoSpace or QuotaExceeded or WindowsDiskFull or WindowsHandleDiskFull
            || io.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase),
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode == 13, // SQLITE_FULL
        _ => ex.InnerException is { } inner && IsDiskFull(inner),
    };

    public static bool IsNotWritable(Exception ex) => ex switch
    {
        UnauthorizedAccessException => true,
        IOException io => io.HResult == ReadOnlyFileSystem || io.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase),
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 8 or 23, // SQLITE_READONLY, SQLITE_AUTH
        _ => ex.InnerException is { } inner && IsNotWritable(inner),
    };

    /// <summary>The machine, not the file: waiting (and freeing space, fixing rights) makes it work.</summary>
    public static bool IsEnvironment(Exception ex) => IsDiskFull(ex) || IsNotWritable(ex);
}
