using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace CleaNum.Worker;

/// <summary>What a directory entry is, without following a symbolic link.</summary>
internal enum EntryKind
{
    Missing,
    Regular,
    Directory,

    /// <summary>A symbolic link (to a file or a folder), a Windows junction or another reparse point.</summary>
    Link,

    /// <summary>A FIFO, a socket, a character or block device: opening one may block for ever.</summary>
    Special,
}

/// <summary>
/// The few things .NET does not expose and the watcher needs (service.md « What the watcher never does »): the type of
/// an entry without following links (lstat), names that are not valid UTF-8, whether an open file was unlinked, and
/// the process umask. Unix only; on Windows the managed attributes are enough.
/// </summary>
internal static partial class NativeFiles
{
    private const int TypeMask = 0xF000;
    private const int TypeFifo = 0x1000;
    private const int TypeCharacter = 0x2000;
    private const int TypeDirectory = 0x4000;
    private const int TypeBlock = 0x6000;
    private const int TypeRegular = 0x8000;
    private const int TypeLink = 0xA000;
    private const int TypeSocket = 0xC000;

    /// <summary>The entry at <paramref name="path"/> itself (a link is reported as a link, never followed).</summary>
    public static EntryKind KindOf(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                var status = default(RuntimeFileStatus);
                if (LStat(path, ref status) == 0)
                {
                    return (status.Mode & TypeMask) switch
                    {
                        TypeRegular => EntryKind.Regular,
                        TypeDirectory => EntryKind.Directory,
                        TypeLink => EntryKind.Link,
                        TypeFifo or TypeCharacter or TypeBlock or TypeSocket => EntryKind.Special,
                        _ => EntryKind.Special,
                    };
                }

                return EntryKind.Missing;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // fall back to the managed view below
            }
        }

        try
        {
            FileAttributes attributes = File.GetAttributes(path);
            return (attributes & FileAttributes.ReparsePoint) != 0 ? EntryKind.Link
                : (attributes & FileAttributes.Directory) != 0 ? EntryKind.Directory
                : (attributes & FileAttributes.Device) != 0 ? EntryKind.Special
                : EntryKind.Regular;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return EntryKind.Missing;
        }
    }

    /// <summary>True when the file open as <paramref name="handle"/> no longer has a name (deleted, or replaced by a
    /// rename over it). Linux only (<c>/proc/self/fd</c>); elsewhere false.</summary>
    public static bool IsUnlinked(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            string? target = new FileInfo($"/proc/self/fd/{handle.DangerousGetHandle()}").LinkTarget;
            return target is not null && target.EndsWith(" (deleted)", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Adds <paramref name="mask"/> (e.g. 0o027) to the process umask so that what the process creates is
    /// not readable by other accounts. Unix only.</summary>
    public static void RestrictUmask(int mask)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            int previous = Umask(mask);
            _ = Umask(previous | mask);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // no libc: nothing to restrict
        }
    }

    /// <summary>
    /// Renames every entry of <paramref name="folder"/> (not recursive) whose name is not valid UTF-8 to a valid one
    /// (invalid bytes become '_'); returns the new paths. Linux only: elsewhere names are always valid.
    /// </summary>
    public static IReadOnlyList<string> RenameInvalidNames(string folder)
    {
        var renamed = new List<string>();
        if (!OperatingSystem.IsLinux())
        {
            return renamed;
        }

        byte[] folderBytes = Encoding.UTF8.GetBytes(folder);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (byte[] name in RawNames(folderBytes))
        {
            try
            {
                _ = strict.GetString(name);
                continue;
            }
            catch (DecoderFallbackException)
            {
                // not valid UTF-8: rename below
            }

            string safe = Encoding.UTF8.GetString(name).Replace('\uFFFD', '_');
            string target = Path.Combine(folder, safe);
            for (int i = 2; Path.Exists(target); i++)
            {
                target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(safe)} ({i}){Path.GetExtension(safe)}");
            }

            byte[] from = [.. folderBytes, (byte)'/', .. name, 0];
            byte[] to = [.. Encoding.UTF8.GetBytes(target), 0];
            if (Rename(from, to) == 0)
            {
                renamed.Add(target);
            }
        }

        return renamed;
    }

    private static List<byte[]> RawNames(byte[] folder)
    {
        var names = new List<byte[]>();
        IntPtr directory = OpenDir([.. folder, 0]);
        if (directory == IntPtr.Zero)
        {
            return names;
        }

        try
        {
            // struct dirent on Linux (glibc and musl, 64-bit): d_ino 8, d_off 8, d_reclen 2, d_type 1, d_name at 19
            const int nameOffset = 19;
            for (IntPtr entry = ReadDir(directory); entry != IntPtr.Zero; entry = ReadDir(directory))
            {
                var bytes = new List<byte>();
                for (int i = 0; i < 256; i++)
                {
                    byte b = Marshal.ReadByte(entry, nameOffset + i);
                    if (b == 0)
                    {
                        break;
                    }

                    bytes.Add(b);
                }

                if (bytes is not [(byte)'.'] and not [(byte)'.', (byte)'.'])
                {
                    names.Add([.. bytes]);
                }
            }
        }
        finally
        {
            _ = CloseDir(directory);
        }

        return names;
    }

    /// <summary>The runtime's own portable stat shim (System.Native): Flags then Mode lead the structure in every
    /// .NET version; the rest is left as room.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 512)]
    private struct RuntimeFileStatus
    {
        public int Flags;
        public int Mode;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, ref RuntimeFileStatus output);

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial int Umask(int mask);

    [LibraryImport("libc", EntryPoint = "opendir")]
    private static partial IntPtr OpenDir(byte[] name);

    [LibraryImport("libc", EntryPoint = "readdir")]
    private static partial IntPtr ReadDir(IntPtr directory);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(IntPtr directory);

    [LibraryImport("libc", EntryPoint = "rename")]
    private static partial int Rename(byte[] from, byte[] to);
}
