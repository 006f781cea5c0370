using System.Runtime.InteropServices;

namespace CleaNum.Storage;

/// <summary>
/// Whether a folder lives on a network file system. SQLite's locks (and WAL's shared memory) are not reliable over
/// NFS or SMB: a data folder on a share must keep its SQLite file on a local disk, or use SQL Server. Linux: the
/// statfs(2) magic number of the folder; Windows: a UNC path or a mapped network drive.
/// </summary>
internal static partial class NetworkFileSystems
{
    /// <summary>statfs f_type values of network file systems (linux/magic.h and the file systems' own headers).</summary>
    internal static readonly IReadOnlyDictionary<long, string> LinuxMagic = new Dictionary<long, string>
    {
        [0x6969] = "NFS",
        [0x517B] = "SMB",
        [0xFF534D42] = "CIFS",
        [0xFE534D42] = "SMB2",
        [0x01021997] = "9P",
        [0x65735546] = "FUSE (sshfs, rclone…)",
        [0x00C36400] = "CephFS",
        [0x5346414F] = "AFS",
        [0x6B414653] = "kAFS",
        [0x73757245] = "Coda",
        [0x564C] = "NCP",
        [0x47504653] = "GPFS",
        [0x0BD00BD0] = "Lustre",
        [0x19830326] = "FhGFS/BeeGFS",
        [0x013111A8] = "IBRIX",
        [0x013111A7] = "IBRIX",
    };

    /// <summary>The network file system holding <paramref name="folder"/> (e.g. "NFS", "CIFS"), or null when local or
    /// unknown.</summary>
    public static string? Of(string folder)
    {
        string full = Path.GetFullPath(folder);
        if (OperatingSystem.IsWindows())
        {
            if (full.StartsWith(@"\\", StringComparison.Ordinal) && !full.StartsWith(@"\\?\", StringComparison.Ordinal) && !full.StartsWith(@"\\.\", StringComparison.Ordinal))
            {
                return "SMB (chemin UNC)";
            }

            try
            {
                return new DriveInfo(Path.GetPathRoot(full)!).DriveType == DriveType.Network ? "SMB (lecteur réseau)" : null;
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // the nearest existing folder (the database folder may not exist yet)
        string? probe = full;
        while (probe is not null && !Directory.Exists(probe))
        {
            probe = Path.GetDirectoryName(probe);
        }

        if (probe is null)
        {
            return null;
        }

        try
        {
            byte[] buffer = new byte[256]; // struct statfs: f_type is the first field (a long on 64-bit Linux)
            if (StatFs(System.Text.Encoding.UTF8.GetBytes(probe + "\0"), buffer) != 0)
            {
                return null;
            }

            long magic = IntPtr.Size == 8 ? BitConverter.ToInt64(buffer, 0) : BitConverter.ToInt32(buffer, 0);
            return Describe(magic);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The name of a statfs magic number when it is a network file system.</summary>
    internal static string? Describe(long magic) => LinuxMagic.GetValueOrDefault(magic & 0xFFFFFFFF);

    [LibraryImport("libc", EntryPoint = "statfs")]
    private static partial int StatFs(byte[] path, byte[] buffer);
}
