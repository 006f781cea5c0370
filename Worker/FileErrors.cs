namespace CleaNum.Worker;

/// <summary>File-system facts that differ between Windows and Linux and matter to the service.</summary>
internal static class FileErrors
{
    /// <inheritdoc cref="Core.FileLocks.IsSharingViolation"/>
    public static bool IsSharingViolation(Exception exception) => Core.FileLocks.IsSharingViolation(exception);

    /// <summary>Deletes a file even when it carries the read-only attribute (Windows refuses to delete it otherwise:
    /// files copied from a CD, from some e-mail clients or set read-only by the member).</summary>
    public static void DeleteEvenIfReadOnly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (UnauthorizedAccessException) when (File.Exists(path) && File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly))
        {
            File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
            File.Delete(path);
        }
    }

    /// <summary>Paths are compared without case on Windows and macOS (case-insensitive file systems: the watcher and a
    /// directory listing may spell one file differently), exactly on Linux.</summary>
    public static StringComparison PathComparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static StringComparer PathComparer { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}
