using System.Diagnostics;
using System.Globalization;
using System.Text;
using CleaNum.Benchmarks.Ingest;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Worker;
using CleaNum.Worker.Cli;
using CleaNum.Worker.Ingest;
using ExcelDataReader;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Ingesting N generated member workbooks into SQLite, side by side with merely reading every cell of the same files.
// Two corpora: workbooks filled in the template CleaNum hands out (what members send: help sheet, header comments,
// drop-down lists), and bare workbooks holding only the four sheets.
// Usage: dotnet run -c Release --project benchmarks/CleaNum.Benchmarks.Ingest -- [files=1000] [folder]
int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
string root = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "cleanum-bench-ingest-" + count);
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

foreach (bool fromTemplate in new[] { true, false })
{
    string folder = root + (fromTemplate ? "-modele" : "-nu");
    string? template = null;
    if (fromTemplate)
    {
        template = Path.Combine(Path.GetTempPath(), "cleanum-bench-modele.xlsx");
        using IHost templateHost = CleaNumHost.Build(new GlobalOptions(Path.Combine(Path.GetTempPath(), "cleanum-bench-template-data"), null, Json: false), service: false);
        templateHost.Services.GetRequiredService<ITemplateWriter>().Write(template);
    }

    if (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.xlsx").Length < count)
    {
        Directory.CreateDirectory(folder);
        var generation = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            IngestWorkbookGenerator.Write(Path.Combine(folder, $"membre-{i:D5}.xlsx"), i, establishments: 5, people: 6, references: 3, template);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {count} workbooks in {generation.Elapsed.TotalSeconds:F1} s"));
    }

    string[] files = [.. Directory.GetFiles(folder, "*.xlsx").Order(StringComparer.Ordinal).Take(count)];
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{(fromTemplate ? "template-filled workbooks" : "bare workbooks")}: {files.Length} files, {files.Sum(f => new FileInfo(f).Length) / 1024.0:F0} KB in {folder}"));

    // Warm-up, not measured: every file read once (JIT tiering, page cache), and a full ingest of 100 files.
    foreach (string file in files)
    {
        CleaNum.Benchmarks.RawRead.EveryCell(file);
    }

    await IngestAllAsync(files.Take(100).ToArray(), withReports: true);

    var read = Stopwatch.StartNew();
    long cells = files.Sum(CleaNum.Benchmarks.RawRead.EveryCell);
    read.Stop();

    await StagesAsync(files);
    // Each ingest variant twice as well, alternating, the faster pass kept: the same rule as for the raw read.
    (TimeSpan core, string coreDetail) = await IngestAllAsync(files, withReports: false);
    (TimeSpan full, string fullDetail) = await IngestAllAsync(files, withReports: true);
    (TimeSpan coreAgain, _) = await IngestAllAsync(files, withReports: false);
    (TimeSpan fullAgain, _) = await IngestAllAsync(files, withReports: true);
    core = coreAgain < core ? coreAgain : core;
    full = fullAgain < full ? fullAgain : full;

    // The raw read again, after everything else: the faster of the two is the reference (the conservative ratio).
    var readAgain = Stopwatch.StartNew();
    long cellsAgain = files.Sum(CleaNum.Benchmarks.RawRead.EveryCell);
    readAgain.Stop();
    if (cellsAgain != cells)
    {
        throw new InvalidOperationException("The files changed between the two raw reads.");
    }

    if (readAgain.Elapsed < read.Elapsed)
    {
        read = readAgain;
    }

    Report("(a) ExcelDataReader, every cell of every file (best of two passes)", read.Elapsed, $"{cells} non-null cells", files.Length);
    Report("(b) ingest: claim, sha256, read, validate, store (SQLite) (best of two passes)", core, coreDetail, files.Length);
    Report("(c) ingest as the service does it: (b) + member report + annotated copy (best of two passes)", full, fullDetail, files.Length);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ratio (b)/(a) = {core / read.Elapsed:F2}, (c)/(a) = {full / read.Elapsed:F2}"));
}

return 0;

static void Report(string what, TimeSpan elapsed, string detail, int files) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {elapsed.TotalSeconds:F2} s, {elapsed.TotalMilliseconds / files:F2} ms/file ({detail})"));

static async Task<(TimeSpan Elapsed, string Detail)> IngestAllAsync(string[] files, bool withReports)
{
    string data = Path.Combine(Path.GetTempPath(), "cleanum-bench-data-" + Guid.NewGuid().ToString("N")[..8]);
    HostApplicationBuilder builder = CleaNumHost.CreateBuilder(new GlobalOptions(data, null, Json: false), service: false);
    if (!withReports)
    {
        builder.Services.AddSingleton<IMemberReportWriter, NoReport>();
    }

    using IHost host = builder.Build();
    if (!await CleaNumHost.PrepareStorageAsync(host, Console.Error, CancellationToken.None))
    {
        throw new InvalidOperationException("storage");
    }

    DataFolder folder = host.Services.GetRequiredService<DataFolder>();
    string[] dropped = [.. files.Select(f =>
    {
        string target = Path.Combine(folder.Depot, Path.GetFileName(f));
        File.Copy(f, target);
        return target;
    })];

    var pipeline = host.Services.CreateScope().ServiceProvider.GetRequiredService<IngestPipeline>();
    var statuses = new Dictionary<SubmissionStatus, int>();
    var watch = Stopwatch.StartNew();
    foreach (string file in dropped)
    {
        IngestOutcome outcome = await pipeline.IngestAsync(file, CancellationToken.None);
        statuses[outcome.Status] = statuses.GetValueOrDefault(outcome.Status) + 1;
    }

    watch.Stop();
    Directory.Delete(data, recursive: true);
    return (watch.Elapsed, string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Value} {p.Key}")));
}

// Where the time of (b) goes: each stage alone over every file.
static async Task StagesAsync(string[] files)
{
    string data = Path.Combine(Path.GetTempPath(), "cleanum-bench-data-" + Guid.NewGuid().ToString("N")[..8]);
    using IHost host = CleaNumHost.Build(new GlobalOptions(data, null, Json: false), service: false);
    await CleaNumHost.PrepareStorageAsync(host, Console.Error, CancellationToken.None);
    var reader = host.Services.GetRequiredService<IWorkbookReader>();
    var validator = host.Services.GetRequiredService<CleaNum.Core.Validation.IMemberWorkbookValidator>();
    var store = host.Services.GetRequiredService<ISubmissionStore>();
    var settings = new CleaNum.Core.Validation.ValidationSettings { CampaignYear = 2026, SubmissionDeadline = new DateOnly(2026, 12, 31), NetworkMemberCount = files.Length };
    var read = new Stopwatch();
    var validate = new Stopwatch();
    var save = new Stopwatch();
    int i = 0;
    foreach (string file in files)
    {
        read.Start();
        var raw = reader.Read(file, CleaNum.Core.Workbook.MemberWorkbookSchema.Sheets, CancellationToken.None);
        read.Stop();
        validate.Start();
        var result = validator.Validate(raw, settings);
        validate.Stop();
        save.Start();
        await store.AddAsync(new Submission
        {
            FileName = Path.GetFileName(file), Sha256 = (i++).ToString("D64", CultureInfo.InvariantCulture), Campaign = 2026,
            Siren = result.Member?.Organisation.Siren, MemberName = result.Member?.Organisation.Name, Data = result.Member, Issues = result.Issues,
            ReceivedAtUtc = TimeProvider.System.GetUtcNow().UtcDateTime,
        }, CancellationToken.None);
        save.Stop();
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"    stages per file: read {read.Elapsed.TotalMilliseconds / files.Length:F2} ms, validate {validate.Elapsed.TotalMilliseconds / files.Length:F2} ms, store {save.Elapsed.TotalMilliseconds / files.Length:F2} ms"));
    Directory.Delete(data, recursive: true);
}

/// <summary>Stands in for the report writer to show what reading, validating and storing cost on their own.</summary>
internal sealed class NoReport : IMemberReportWriter
{
    public MemberReportFiles Write(MemberReportRequest request, string outputFolder) => new(Path.Combine(outputFolder, "-"), null);
}
