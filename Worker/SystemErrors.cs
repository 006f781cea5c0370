using CleaNum.Core.Ports;

namespace CleaNum.Worker;

/// <summary>Which I/O failures come from the machine (full disk, read-only or protected folder) rather than from a
/// file's content. The database's are read from the port's <see cref="StoreUnavailableException.Reason"/>: Storage
/// translates its provider's codes, the Worker never inspects a provider exception.</summary>
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
        StoreUnavailableException { Reason: StoreFailureReason.DiskFull } => true, // Storage translated its provider's code
        _ => ex.InnerException is { } inner && IsDiskFull(inner),
    };

    public static bool IsNotWritable(Exception ex) => ex switch
    {
        UnauthorizedAccessException => true,
        IOException io => io.HResult == ReadOnlyFileSystem || io.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase),
        StoreUnavailableException { Reason: StoreFailureReason.ReadOnly } => true,
        _ => ex.InnerException is { } inner && IsNotWritable(inner),
    };

    /// <summary>The machine, not the file: waiting (and freeing space, fixing rights) makes it work.</summary>
    public static bool IsEnvironment(Exception ex) => IsDiskFull(ex) || IsNotWritable(ex);
}
