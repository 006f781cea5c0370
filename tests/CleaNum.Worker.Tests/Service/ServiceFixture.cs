using System.IO.Compression;
using CleaNum.Worker.Cli;
using CleaNum.Worker.Service;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleaNum.Worker.Tests.Service;

/// <summary>The real service host (watcher, dispatcher, Quartz, SQLite file) on a fresh data folder whose path has
/// spaces and accents, with short delays so tests stay fast.</summary>
internal sealed class ServiceFixture : IAsyncDisposable
{
    public static readonly TimeSpan StabilityDelay = TimeSpan.FromMilliseconds(400);

    private ServiceFixture(string root, IHost host)
    {
        Root = root;
        Host = host;
        Data = host.Services.GetRequiredService<DataFolder>();
    }

    public string Root { get; }

    public IHost Host { get; }

    public DataFolder Data { get; }

    public static Dictionary<string, string?> FastSettings() => new()
    {
        ["CleaNum:Inbox:StabilityDelay"] = StabilityDelay.ToString(),
        ["CleaNum:Inbox:RescanInterval"] = "00:00:01",
        ["CleaNum:Inbox:RetryDelay"] = "00:00:00.300",
        ["CleaNum:Inbox:MaxRetryDelay"] = "00:00:01",
        ["CleaNum:Inbox:UnreadableGrace"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Web:Urls"] = "Off", // never 5080: tests run in parallel (the dashboard tests set a port-0 address)
    };

    public static string NewRoot()
    {
        string root = Path.Combine(Path.GetTempPath(), "cleanum-tests", "données été " + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        return root;
    }

    /// <summary>Builds (not starts) the host. <paramref name="configure"/> may replace services (e.g. the
    /// consolidation runner while the real one is not merged).</summary>
    public static ServiceFixture Create(
        string? root = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        bool withRoster = true)
    {
        root ??= NewRoot();
        if (withRoster && !File.Exists(Path.Combine(root, "reseau.xlsx")))
        {
            File.Copy(Sample("reseau.xlsx"), Path.Combine(root, "reseau.xlsx"));
        }

        var all = FastSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var builder = CleaNumHost.CreateBuilder(new GlobalOptions(root, null, Json: false), service: true, all);
        configure?.Invoke(builder.Services);
        return new ServiceFixture(root, builder.Build());
    }

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "sample-data", name);

    public SubmissionDispatcher Dispatcher => Host.Services.GetRequiredService<SubmissionDispatcher>();

    public Task StartAsync() => Host.StartAsync();

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Host.StopAsync(timeout.Token);
    }

    public string Depot(string relative)
    {
        string path = Path.Combine(Data.Depot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Every file that reached its final folder, by original name (sha prefix removed).</summary>
    public static List<string> FinalNames(DataFolder data) =>
        [.. Files(data.Archives).Concat(Files(data.Refused)).Select(f => Path.GetFileName(f)[13..])];

    public static IReadOnlyList<string> Files(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)] : [];

    public static long SubmissionCount(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM submission";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>A file the reader refuses (text renamed .xlsx) with unique bytes: cheap, and it still goes through
    /// sha256, storage, report and move.</summary>
    public static void WriteRefusable(string path, int n) =>
        File.WriteAllText(path, $"Ceci n'est pas un classeur, fichier n° {n} {Guid.NewGuid()}\n");

    /// <summary>A copy of a sample workbook with different bytes (an extra zip entry): same member, new version.</summary>
    public static void WriteVariant(string sample, string path, int n)
    {
        string temp = path + ".tmp";
        File.Copy(Sample(sample), temp, overwrite: true);
        using (var zip = ZipFile.Open(temp, ZipArchiveMode.Update))
        {
            using var writer = new StreamWriter(zip.CreateEntry($"customXml/cleanum-test-{n}.txt").Open());
            writer.Write($"variante {n} {Guid.NewGuid()}");
        }

        File.Move(temp, path);
    }

    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        while (elapsed.Elapsed < timeout)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // already stopped or never started
        }

        Host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort: temp folder
        }
    }
}
