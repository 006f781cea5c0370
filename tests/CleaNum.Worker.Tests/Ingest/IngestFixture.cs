using CleaNum.Worker.Cli;
using CleaNum.Worker.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleaNum.Worker.Tests.Ingest;

/// <summary>A fresh data folder under the temp directory with the real host (real SQLite file, real reader, writers).</summary>
internal sealed class IngestFixture : IAsyncDisposable
{
    private IngestFixture(string root, IHost host)
    {
        Root = root;
        Host = host;
        Data = host.Services.GetRequiredService<DataFolder>();
    }

    public string Root { get; }

    public IHost Host { get; }

    public DataFolder Data { get; }

    public static string SampleData => Path.Combine(AppContext.BaseDirectory, "sample-data");

    public static string Sample(string name) => Path.Combine(SampleData, name);

    public static async Task<IngestFixture> CreateAsync(bool withRoster = true, string? name = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        string root = Path.Combine(Path.GetTempPath(), "cleanum-tests", name ?? "données " + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        if (withRoster)
        {
            File.Copy(Sample("reseau.xlsx"), Path.Combine(root, "reseau.xlsx"));
        }

        IHost host = CleaNumHost.Build(new GlobalOptions(root, null, Json: false), service: false, settings);
        Assert.True(await VerbHost.PrepareStorageAsync(host, TextWriter.Null, CancellationToken.None));
        return new IngestFixture(root, host);
    }

    /// <summary>Another host on the same data folder, as after a restart (the first one is left as it is).</summary>
    public async Task<IHost> RestartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        IHost host = CleaNumHost.Build(new GlobalOptions(Root, null, Json: false), service: false, settings);
        Assert.True(await VerbHost.PrepareStorageAsync(host, TextWriter.Null, CancellationToken.None));
        return host;
    }

    public async Task<IngestOutcome> IngestAsync(string path)
    {
        await using AsyncServiceScope scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IngestPipeline>().IngestAsync(path, CancellationToken.None);
    }

    public IngestPipeline Pipeline() => Host.Services.CreateScope().ServiceProvider.GetRequiredService<IngestPipeline>();

    /// <summary>Drops a copy of a sample file into depot/ (optionally under a sub-folder) and returns its path.</summary>
    public string Drop(string sampleName, string? asName = null, string? subFolder = null)
    {
        string folder = subFolder is null ? Data.EnsureCreated().Depot : Path.Combine(Data.EnsureCreated().Depot, subFolder);
        Directory.CreateDirectory(folder);
        string target = Path.Combine(folder, asName ?? sampleName);
        File.Copy(Sample(sampleName), target);
        return target;
    }

    public static IReadOnlyList<string> FilesUnder(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)] : [];

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Task.Yield();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
