using System.Diagnostics;

namespace CleaNum.Worker.Tests.Reliability;

/// <summary>Real system tools for the fault-injection tests: links, FIFOs, immutable folders, small file systems.</summary>
internal static class Machine
{
    public static bool IsLinuxRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    /// <summary>Runs <paramref name="command"/> with /bin/sh; returns the exit code (stderr kept in the exception when
    /// <paramref name="check"/>).</summary>
    public static int Sh(string command, bool check = true)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        using Process process = Process.Start(info)!;
        string error = process.StandardError.ReadToEnd();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed ({process.ExitCode}): {error}");
        }

        return process.ExitCode;
    }

    public static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>chattr +i: not even root can create, rename or delete entries in the folder.</summary>
    public static IDisposable Immutable(string folder)
    {
        Sh($"chattr +i {Quote(folder)}");
        return new Undo(() => Sh($"chattr -i {Quote(folder)}", check: false));
    }

    /// <summary>A tmpfs of <paramref name="kilobytes"/> mounted on <paramref name="folder"/> (a full disk on demand).</summary>
    public static IDisposable SmallDisk(string folder, int kilobytes)
    {
        Directory.CreateDirectory(folder);
        Sh($"mount -t tmpfs -o size={kilobytes}k tmpfs {Quote(folder)}");
        return new Undo(() => Sh($"umount -l {Quote(folder)}", check: false));
    }

    /// <summary>Fills the file system holding <paramref name="folder"/> with one file; returns its path.</summary>
    public static string Fill(string folder)
    {
        string filler = Path.Combine(folder, "remplissage.bin");
        Sh($"dd if=/dev/zero of={Quote(filler)} bs=4k 2>/dev/null; true");
        return filler;
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}

/// <summary>A fact that needs Linux and root (CI runs as root): chattr, mount. Skipped with the reason otherwise.</summary>
internal sealed class LinuxRootFactAttribute : FactAttribute
{
    public LinuxRootFactAttribute()
    {
        if (!Machine.IsLinuxRoot)
        {
            Skip = "Needs Linux and root (chattr +i, mount -t tmpfs); CI runs as root.";
        }
    }
}

/// <summary>A fact that needs a Unix file system (symbolic links, FIFOs, byte names).</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file system behaviour (FIFOs, byte names).";
        }
    }
}
