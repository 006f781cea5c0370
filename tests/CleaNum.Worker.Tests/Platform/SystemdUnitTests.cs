using System.Diagnostics;
using CleaNum.Worker.Tests.Cli;

namespace CleaNum.Worker.Tests.Platform;

/// <summary>The shipped <c>docs/cleanum.service</c>, as systemd reads it.</summary>
public sealed class SystemdUnitTests
{
    private static string UnitText => File.ReadAllText(UnitPath);

    private static string UnitPath
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, "docs", "cleanum.service");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("docs/cleanum.service not found above the test folder.");
        }
    }

    [Fact]
    public void Passes_every_environment_line_whole_to_the_service()
    {
        (Dictionary<string, string> variables, List<string> ignored) = SystemdUnit.Environment(UnitText);

        Assert.Empty(ignored);
        Assert.Equal("0 0 6 * * ?", variables["CLEANUM__CleaNum__Consolidation__Cron"]);
        Assert.Equal("Production", variables["DOTNET_ENVIRONMENT"]);
    }

    [Fact]
    public void Reads_environment_lines_like_systemd()
    {
        (Dictionary<string, string> variables, List<string> ignored) = SystemdUnit.Environment("""
            [Service]
            Environment=A=1 "B=two words" C='x y'z
            Environment=D=0 0 6 * * ?
            Environment=E="50%%"
            """);

        Assert.Equal("two words", variables["B"]);
        Assert.Equal("x yz", variables["C"]);
        Assert.Equal("0", variables["D"]); // the bug the unit had: the cron cut at the first space
        Assert.Equal(["0", "6", "*", "*", "?"], ignored);
        Assert.Equal("50%", variables["E"]);
    }

    [SystemdAnalyzeFact]
    public void Passes_systemd_analyze_verify_without_a_warning()
    {
        string folder = Directory.CreateTempSubdirectory("cleanum-unit-").FullName;
        string copy = Path.Combine(folder, "cleanum.service");
        File.Copy(UnitPath, copy);
        try
        {
            var info = new ProcessStartInfo(SystemdAnalyzeFactAttribute.Tool!) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            info.ArgumentList.Add("verify");
            info.ArgumentList.Add(copy);
            using var process = Process.Start(info)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.Equal(0, process.ExitCode);
            // verify exits 0 even when it ignores a broken assignment: any remark about the unit file is a failure
            Assert.DoesNotContain("cleanum.service", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Starts_the_built_service_with_the_unit_s_environment_and_stops_on_sigterm()
    {
        (Dictionary<string, string> variables, _) = SystemdUnit.Environment(UnitText);
        string data = Directory.CreateTempSubdirectory("cleanum-systemd-").FullName;
        try
        {
            using var service = CleaNumProcess.Start($"run --data \"{data}\"", variables);
            Assert.True(await service.WaitForStartAsync(TimeSpan.FromSeconds(60)), service.StandardError);
            Assert.False(service.HasExited, $"exited {(service.HasExited ? service.ExitCode : 0)}: {service.StandardError}");

            service.Terminate();

            Assert.True(await service.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, service.ExitCode);
            Assert.Contains("0 0 6 * * ?", service.StandardError, StringComparison.Ordinal); // "Consolidation scheduled: 0 0 6 * * ? …"
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}

/// <summary>Runs only where <c>systemd-analyze</c> exists (.ci/run installs systemd when apt is available).</summary>
internal sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public static readonly string? Tool = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);

    public SystemdAnalyzeFactAttribute()
    {
        if (Tool is null)
        {
            Skip = "systemd-analyze is not installed (apt-get install systemd).";
        }
    }
}
