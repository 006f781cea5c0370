using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CleaNum.Core.Domain;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using CleaNum.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Benchmarks.Storage;

/// <summary>
/// What one ingested file asks of Storage, on a real SQLite file (WAL, in the temp folder) that grows as in an ingest:
/// <see cref="StoreMemberFile"/> is <see cref="ISubmissionStore.AddAsync"/> of one generated member (5 establishments,
/// 6 CVs, 3 references, 3 issues, one transaction); <see cref="IngestOneFile"/> is the whole per-file sequence of
/// <c>cleanum ingest</c>: the sha256 lookup (a miss), the store, then the issued-report row.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class PerFileBenchmarks
{
    /// <summary>In process (no generated project to build: cheaper on this 2-core machine, and a copied build runs as
    /// is), 200 files per iteration (one iteration setup generates them), 12 iterations after 3 warm-ups.</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() => AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(12)
            .WithInvocationCount(FilesPerIteration).WithUnrollFactor(1));
    }

    private const int FilesPerIteration = 200;

    private string _folder = "";
    private ServiceProvider? _services;
    private ISubmissionStore _store = null!;
    private IReportLog _reports = null!;
    private readonly Queue<Submission> _next = new();
    private int _member;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("cleanum-bench-storage-").FullName;
        _services = StorageBench.BuildServices(Path.Combine(_folder, "cleanum.db"));
        _services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        _store = _services.GetRequiredService<ISubmissionStore>();
        _reports = _services.GetRequiredService<IReportLog>();
    }

    [IterationSetup]
    public void NextMembers()
    {
        // new members for one iteration (distinct sha256 and SIREN), generated outside the measure.
        _next.Clear();
        for (int i = 0; i < FilesPerIteration; i++)
        {
            _member++;
            _next.Enqueue(SampleMembers.Create(_member, 1, 5, 6, 3, 3));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public async Task<long> StoreMemberFile() =>
        (await _store.AddAsync(_next.Dequeue(), CancellationToken.None)).Submission.Id;

    [Benchmark]
    public Task<long> IngestOneFile() => IngestAsync(_store, _reports, _next.Dequeue());

    /// <summary>What <c>cleanum ingest</c> asks of Storage for one new file.</summary>
    public static async Task<long> IngestAsync(ISubmissionStore store, IReportLog reports, Submission submission)
    {
        if (await store.FindBySha256Async(submission.Sha256, CancellationToken.None) is not null)
        {
            throw new InvalidOperationException("a generated member is already stored");
        }

        StoreResult stored = await store.AddAsync(submission, CancellationToken.None);
        IssuedReport report = await reports.RecordAsync(new IssuedReport
        {
            Siren = stored.Submission.Siren,
            SubmissionId = stored.Submission.Id,
            Reason = MailKind.Report,
            ReportPath = "archives/2025/rapport.xlsx",
            Verdict = "accepted_with_warnings",
            ErrorCount = 0,
            WarningCount = 3,
            IssuedAtUtc = stored.Submission.ReceivedAtUtc,
        }, CancellationToken.None);
        return report.Id;
    }
}
