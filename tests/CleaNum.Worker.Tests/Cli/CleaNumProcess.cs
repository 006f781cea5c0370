using System.Diagnostics;
using System.Text;

namespace CleaNum.Worker.Tests.Cli;

/// <summary>The BUILT executable (<c>dotnet Worker/bin/&lt;config&gt;/net10.0/cleanum.dll</c>) as a real child process.</summary>
internal sealed class CleaNumProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _stdout = new();

    private CleaNumProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public string StandardOutput
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The Worker's own build output, found next to this test assembly's configuration.</summary>
    public static string ExecutablePath
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            string configuration = folder.Parent!.Name; // …/bin/<Configuration>/net10.0/
            string tfm = folder.Name;
            for (DirectoryInfo? up = folder; up is not null; up = up.Parent)
            {
                string candidate = Path.Combine(up.FullName, "Worker", "bin", configuration, tfm, "cleanum.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("cleanum.dll not found: build the Worker project first.");
        }
    }

    public static CleaNumProcess Start(string arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(ExecutablePath);
        foreach (string argument in SplitArguments(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["CLEANUM__CleaNum__Inbox__StabilityDelay"] = "00:00:00.200";
        info.Environment["CLEANUM__CleaNum__Inbox__RescanInterval"] = "00:00:01";
        info.Environment["CLEANUM__CleaNum__Inbox__RetryDelay"] = "00:00:00.200";
        info.Environment["CLEANUM__CleaNum__Inbox__MaxRetryDelay"] = "00:00:01";
        info.Environment["CLEANUM__CleaNum__Inbox__UnreadableGrace"] = "00:00:01";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // Never the default port 5080: many services run in parallel here. A test that wants the dashboard passes
        // CLEANUM__Web__Urls=http://127.0.0.1:0 and reads the address from the start-up line.
        info.Environment["CLEANUM__Web__Urls"] = "Off";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var wrapper = new CleaNumProcess(process);
        process.ErrorDataReceived += (_, e) => Append(wrapper._stderr, e.Data);
        process.OutputDataReceived += (_, e) => Append(wrapper._stdout, e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return wrapper;
    }

    /// <summary>Arguments are whitespace-separated; a quoted part may hold spaces.</summary>
    private static IEnumerable<string> SplitArguments(string arguments)
    {
        var current = new StringBuilder();
        bool quoted = false;
        foreach (char c in arguments)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (current.Length > 0)
                {
                    yield return current.ToString();
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>SIGKILL: no chance to clean up (kill -9).</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM through the real <c>kill</c> command, as systemd or docker stop would.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the exit; false when it did not exit within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            _process.WaitForExit(); // flush the redirected streams
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public Task<bool> WaitForStartAsync(TimeSpan timeout) =>
        Service.ServiceFixture.WaitUntilAsync(() => StandardError.Contains("Application started", StringComparison.Ordinal) || HasExited, timeout);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
