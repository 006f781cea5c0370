using System.Diagnostics;
using System.Globalization;
using CleaNum.Benchmarks.Storage;
using CleaNum.Core.Ports;
using CleaNum.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Storage benchmark and crash helper.
//   dotnet run -c Release --project benchmarks/CleaNum.Benchmarks.Storage [-- bench [members]]
//     stores N generated members (5 establishments, 6 CVs, 3 references, 3 issues each) into a fresh SQLite file,
//     one transaction per submission, and prints the total and per-member time (target: 1,000 members < 1 s).
//   ... -- write-loop <db file>
//     used by the storage tests: stores ever newer versions of one member forever, printing "stored <version>" after
//     each commit, until the test kills the process (kill -9) mid-write.
string mode = args.Length > 0 ? args[0] : "bench";
return mode switch
{
    "bench" => await BenchAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000),
    "write-loop" when args.Length > 1 => await WriteLoopAsync(args[1]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CleaNum.Benchmarks.Storage [bench [members] | write-loop <db file>]");
    return 2;
}

static ServiceProvider BuildServices(string dbPath)
{
    IConfiguration configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = dbPath,
        })
        .Build();
    var services = new ServiceCollection();
    services.AddSingleton(configuration);
    services.AddLogging();
    services.AddCleaNumStorage();
    return services.BuildServiceProvider();
}

static async Task<int> BenchAsync(int members)
{
    string folder = Directory.CreateTempSubdirectory("cleanum-bench-").FullName;
    string dbPath = Path.Combine(folder, "cleanum.db");
    await using ServiceProvider services = BuildServices(dbPath);
    await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
    var store = services.GetRequiredService<ISubmissionStore>();

    // Warm-up on other members (JIT up to tier 1, Dapper's command cache, connection pool), not counted, as
    // BenchmarkDotNet would do; then a pause so that background tier-1 compilation finishes.
    for (int i = 0; i < 300; i++)
    {
        await store.AddAsync(SampleMembers.Create(900_000 + i, 1, 5, 6, 3, 3), CancellationToken.None);
    }

    await Task.Delay(TimeSpan.FromSeconds(1));

    var submissions = Enumerable.Range(1, members).Select(m => SampleMembers.Create(m, 1, 5, 6, 3, 3)).ToList();
    TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    foreach (var submission in submissions)
    {
        await store.AddAsync(submission, CancellationToken.None);
    }

    stopwatch.Stop();
    double totalMs = stopwatch.Elapsed.TotalMilliseconds;
    double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"SQLite: stored {members} members (5 establishments, 6 CVs, 3 references, 3 issues each) in {totalMs:F0} ms, {totalMs / members:F3} ms per member (CPU {cpuMs:F0} ms), one transaction each. Target < 1000 ms: {(totalMs < 1000 ? "met" : "NOT met")}."));

    var stopwatchRead = Stopwatch.StartNew();
    IReadOnlyList<CleaNum.Core.Domain.Submission> current = await store.GetCurrentVersionsAsync(2025, CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"SQLite: read back {current.Count} current versions with all data in {stopwatchRead.Elapsed.TotalMilliseconds:F0} ms."));

    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
    return totalMs < 1000 ? 0 : 1;
}

static async Task<int> WriteLoopAsync(string dbPath)
{
    const int Establishments = 200, Intervenants = 100, References = 60, Issues = 40;
    await using ServiceProvider services = BuildServices(dbPath);
    await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
    var store = services.GetRequiredService<ISubmissionStore>();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"shape {Establishments} {Intervenants} {References} {Issues}"));
    for (int version = 1; ; version++)
    {
        StoreResult result = await store.AddAsync(
            SampleMembers.Create(42, version, Establishments, Intervenants, References, Issues), CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {result.Submission.Version}"));
    }
}
