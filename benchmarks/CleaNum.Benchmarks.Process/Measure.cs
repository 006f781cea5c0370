using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CleaNum.Benchmarks.Process;

/// <summary>What one whole process cost: wall time, CPU (user + system, from getrusage of the reaped child) and peak
/// resident memory (VmHWM, sampled every 10 ms).</summary>
internal sealed record Sample(TimeSpan Wall, TimeSpan Cpu, long PeakBytes)
{
    public string Describe(int files) => string.Create(CultureInfo.InvariantCulture,
        $"{Wall.TotalSeconds,6:F2} s ({Wall.TotalMilliseconds / files:F2} ms/file), CPU {Cpu.TotalSeconds:F2} s, peak {PeakBytes / 1024.0 / 1024.0:F0} MB");

    /// <summary>Median wall and CPU; the highest peak.</summary>
    public static Sample Median(IReadOnlyList<Sample> samples)
    {
        TimeSpan MedianOf(Func<Sample, TimeSpan> pick)
        {
            TimeSpan[] sorted = [.. samples.Select(pick).Order()];
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        return new Sample(MedianOf(s => s.Wall), MedianOf(s => s.Cpu), samples.Max(s => s.PeakBytes));
    }
}

/// <summary>The two executables measured, built by this project's build in the same configuration.</summary>
internal sealed record Tools(string Cleanum, string Reader)
{
    public static Tools Locate()
    {
        // bin/<Configuration>/<tfm>/ of this project → the same for the other two.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tfm = output.Name;
        string configuration = output.Parent!.Name;
        DirectoryInfo? root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CleaNum.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("CleaNum.sln not found above " + AppContext.BaseDirectory);
        }

        string cleanum = Path.Combine(root.FullName, "Worker", "bin", configuration, tfm, "cleanum.dll");
        string reader = Path.Combine(root.FullName, "benchmarks", "CleaNum.Benchmarks.ReadOnly", "bin", configuration, tfm, "CleaNum.Benchmarks.ReadOnly.dll");
        foreach (string dll in new[] { cleanum, reader })
        {
            if (!File.Exists(dll))
            {
                throw new InvalidOperationException($"{dll} is missing: run this benchmark with `dotnet run -c Release --project benchmarks/CleaNum.Benchmarks.Process`.");
            }
        }

        return new Tools(cleanum, reader);
    }
}

/// <summary>A child process `dotnet app.dll args`, its output drained, its peak memory sampled.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly Stopwatch _wall;
    private readonly Thread _sampler;
    private readonly NativeMethods.Usage _before;
    private readonly List<string> _tail = [];
    private readonly Lock _gate = new();
    private long _peak;

    private ChildProcess(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        _before = NativeMethods.Children();
        _wall = Stopwatch.StartNew();
        _process = System.Diagnostics.Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        int pid = _process.Id;
        _sampler = new Thread(() =>
        {
            string status = $"/proc/{pid}/status";
            while (!_process.HasExited)
            {
                try
                {
                    foreach (string line in File.ReadLines(status))
                    {
                        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                        {
                            long kb = long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                            Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), kb * 1024));
                            break;
                        }
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // exited between the check and the read
                }

                Thread.Sleep(10);
            }
        })
        { IsBackground = true };
        _sampler.Start();
    }

    public event Action<string>? Line;

    public int Id => _process.Id;

    public static ChildProcess Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        new(dll, args, environment);

    /// <summary>Waits for the process to end and checks its exit code.</summary>
    public Sample WaitForExit(int expectedExitCode, TimeSpan? elapsed = null)
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("the process did not end within 20 minutes");
        }

        _process.WaitForExit(); // output fully drained
        _wall.Stop();
        _sampler.Join();
        NativeMethods.Usage after = NativeMethods.Children();
        if (_process.ExitCode != expectedExitCode)
        {
            string tail;
            lock (_gate)
            {
                tail = string.Join(Environment.NewLine, _tail);
            }

            throw new InvalidOperationException($"exit code {_process.ExitCode} (expected {expectedExitCode}):{Environment.NewLine}{tail}");
        }

        return new Sample(elapsed ?? _wall.Elapsed, after.Cpu - _before.Cpu, Interlocked.Read(ref _peak));
    }

    /// <summary>Asks the process to stop as the service manager does (SIGTERM).</summary>
    public void Terminate() => NativeMethods.Terminate(_process.Id);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _tail.Add(line);
            if (_tail.Count > 30)
            {
                _tail.RemoveAt(0);
            }
        }

        Line?.Invoke(line);
    }
}

internal static class Measure
{
    /// <summary>Runs `dotnet dll args` to its end.</summary>
    public static Sample Run(string dll, IEnumerable<string> args, int check)
    {
        using ChildProcess child = ChildProcess.Start(dll, args);
        return child.WaitForExit(check);
    }
}

internal static class NativeMethods
{
    private const int RusageChildren = -1;
    private const int SigTerm = 15;

    internal readonly record struct Usage(TimeSpan Cpu);

    /// <summary>User + system time of every child reaped so far.</summary>
    public static Usage Children()
    {
        if (getrusage(RusageChildren, out RUsage usage) != 0)
        {
            throw new InvalidOperationException("getrusage failed (this benchmark needs Linux)");
        }

        static TimeSpan Of(TimeVal t) => TimeSpan.FromSeconds(t.Seconds) + TimeSpan.FromMicroseconds(t.Microseconds);
        return new Usage(Of(usage.User) + Of(usage.System));
    }

    public static void Terminate(int pid) => _ = kill(pid, SigTerm);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeVal
    {
        public long Seconds;
        public long Microseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public TimeVal User;
        public TimeVal System;
        public long MaxRss;
        public long IxRss;
        public long IdRss;
        public long IsRss;
        public long MinFlt;
        public long MajFlt;
        public long NSwap;
        public long InBlock;
        public long OuBlock;
        public long MsgSnd;
        public long MsgRcv;
        public long NSignals;
        public long NVcsw;
        public long NIvcsw;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
