using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using CleaNum.Benchmarks.Storage;
using CleaNum.Core.Ports;
using CleaNum.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Storage benchmark and crash helper.
//   dotnet run -c Release --project benchmarks/CleaNum.Benchmarks.Storage [-- bench [members] [ingest]]
//     stores N generated members (5 establishments, 6 CVs, 3 references, 3 issues each) into a fresh SQLite file,
//     one transaction per submission, over 5 rounds after a warm-up, and prints the best, median and worst totals
//     (target: 1,000 members < 1 s) and the process CPU of the rounds (the figure that holds on a busy machine).
//     "ingest": each file as `cleanum ingest` asks it of Storage: the sha256 lookup, the store, the issued-report row.
//   ... -- bdn [BenchmarkDotNet arguments, e.g. --filter '*']
//     BenchmarkDotNet, PerFileBenchmarks: one member file stored (AddAsync), and the whole per-file sequence of an
//     ingest (sha256 lookup, store, issued-report row), on a real SQLite file.
//   ... -- write-loop <db file>
//     used by the storage tests: stores ever newer versions of one member forever, printing "stored <version>" after
//     each commit, until the test kills the process (kill -9) mid-write.
string mode = args.Length > 0 ? args[0] : "bench";
return mode switch
{
    "bench" => await BenchAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000, args.Length > 2 && args[2] == "ingest"),
    "bdn" => RunBenchmarkDotNet(args[1..]),
    "write-loop" when args.Length > 1 => await WriteLoopAsync(args[1]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: CleaNum.Benchmarks.Storage [bench [members] | bdn [BenchmarkDotNet arguments] | write-loop <db file>]");
    return 2;
}

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(PerFileBenchmarks).Assembly).Run(args);
    return 0;
}

static ServiceProvider BuildServices(string dbPath) => StorageBench.BuildServices(dbPath);

static async Task<int> BenchAsync(int members, bool ingest)
{
    // One warm-up round (JIT up to tier 1, Dapper's caches, connection pool), then measured rounds, each into a fresh
    // database file. The machine is shared: the best round is the figure, the median shows the spread.
    const int Rounds = 5;
    await RunRoundAsync(members, ingest, report: false);
    await Task.Delay(TimeSpan.FromSeconds(1));
    var totals = new List<double>();
    var cpus = new List<double>();
    for (int round = 0; round < Rounds; round++)
    {
        (double wall, double cpu) = await RunRoundAsync(members, ingest, report: round == 0);
        totals.Add(wall);
        cpus.Add(cpu);
    }

    totals.Sort();
    cpus.Sort();
    double best = totals[0];
    string what = ingest ? "sha256 lookup + store + issued-report row" : "store";
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"SQLite, {what}: {members} members (5 establishments, 6 CVs, 3 references, 3 issues each), one transaction each: best {best:F0} ms ({best / members:F3} ms per member), median {totals[Rounds / 2]:F0} ms, worst {totals[^1]:F0} ms over {Rounds} rounds; process CPU best {cpus[0]:F0} ms, median {cpus[Rounds / 2]:F0} ms. Target < 1000 ms: {(best < 1000 ? "met" : "NOT met")}."));
    return best < 1000 ? 0 : 1;
}

static async Task<(double Wall, double Cpu)> RunRoundAsync(int members, bool ingest, bool report)
{
    string folder = Directory.CreateTempSubdirectory("cleanum-bench-").FullName;
    try
    {
        await using ServiceProvider services = BuildServices(Path.Combine(folder, "cleanum.db"));
        await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var store = services.GetRequiredService<ISubmissionStore>();
        var reports = services.GetRequiredService<IReportLog>();
        var submissions = Enumerable.Range(1, members).Select(m => SampleMembers.Create(m, 1, 5, 6, 3, 3)).ToList();

        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        foreach (var submission in submissions)
        {
            if (ingest)
            {
                await PerFileBenchmarks.IngestAsync(store, reports, submission);
            }
            else
            {
                await store.AddAsync(submission, CancellationToken.None);
            }
        }

        stopwatch.Stop();
        double totalMs = stopwatch.Elapsed.TotalMilliseconds;
        double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        if (report)
        {
            var read = Stopwatch.StartNew();
            IReadOnlyList<CleaNum.Core.Domain.Submission> current = await store.GetCurrentVersionsAsync(2025, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round: store {totalMs:F0} ms (process CPU {cpuMs:F0} ms); read back {current.Count} current versions with all their data in {read.Elapsed.TotalMilliseconds:F0} ms"));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round: store {totalMs:F0} ms (process CPU {cpuMs:F0} ms)"));
        }

        return (totalMs, cpuMs);
    }
    finally
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
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
