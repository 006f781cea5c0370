namespace CleaNum.Core;

/// <summary>A file held by another program, as Windows and Linux each report it.</summary>
public static class FileLocks
{
    private const int ErrorSharingViolation = 32; // 0x80070020
    private const int ErrorLockViolation = 33;    // 0x80070021
    private const int LinuxWouldBlock = 11;       // EWOULDBLOCK from flock(): .NET's FileShare.None on Linux
    private const int MacWouldBlock = 35;

    /// <summary>
    /// Another process holds the file: Windows ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION (an antivirus, a backup
    /// agent, Excel opening the file from the share), or, on Linux, the advisory lock .NET takes for
    /// <see cref="FileShare.None"/> (flock; the IOException carries errno EWOULDBLOCK, 11, as HResult). Not the file's fault: retry later, never count it
    /// against the file.
    /// </summary>
    public static bool IsSharingViolation(Exception exception)
    {
        for (Exception? ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is not IOException io || ex is FileNotFoundException or DirectoryNotFoundException)
            {
                continue;
            }

            if ((OperatingSystem.IsWindows() || ((uint)io.HResult & 0xFFFF0000) == 0x80070000)
                && (io.HResult & 0xFFFF) is ErrorSharingViolation or ErrorLockViolation)
            {
                return true;
            }

            if ((OperatingSystem.IsLinux() && io.HResult == LinuxWouldBlock) || (OperatingSystem.IsMacOS() && io.HResult == MacWouldBlock))
            {
                return true;
            }
        }

        return false;
    }
}
