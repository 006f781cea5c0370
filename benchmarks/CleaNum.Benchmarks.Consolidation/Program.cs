using System.Diagnostics;
using System.Globalization;
using ClosedXML.Excel;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Export;
using CleaNum.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Consolidation benchmark (target: 1,000 members, ~5,000 establishments, ~6,000 CVs in ≤ 5 s and ≤ 400 MB peak
// working set). Run each mode in its own process so the peak working set is that of the mode alone:
//   dotnet run -c Release --project benchmarks/CleaNum.Benchmarks.Consolidation -- memory [members] [out folder]
//     generated submissions in memory → NetworkConsolidator → IAnnexWriter + IStatusWorkbookWriter
//   ... -- prepare <db file> [members]      stores the generated network (every 10th member twice) into SQLite
//   ... -- sqlite <db file> [out folder]    reads it back as the Worker does, consolidates, writes (timed)
//   ... -- closedxml [members]              for comparison: tables 1.4 and CV written with ClosedXML 0.95.4
string mode = args.Length > 0 ? args[0] : "memory";
return mode switch
{
    "memory" => Memory(Count(args, 1), args.Length > 2 ? args[2] : null),
    "prepare" when args.Length > 1 => await PrepareAsync(args[1], Count(args, 2)),
    "sqlite" when args.Length > 1 => await SqliteAsync(args[1], args.Length > 2 ? args[2] : null),
    "closedxml" => ClosedXml(Count(args, 1)),
    _ => Usage(),
};

static int Count(string[] args, int index) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : 1000;

static int Usage()
{
    Console.Error.WriteLine("usage: memory [members] [out] | prepare <db> [members] | sqlite <db> [out] | closedxml [members]");
    return 2;
}

static List<Submission> Generate(int members) =>
    [.. Enumerable.Range(1, members).Select(i => TestNetwork.Member(i, establishments: 5, intervenants: 6))];

static ServiceProvider Services(string? dbPath)
{
    var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:SqlitePath"] = dbPath ?? "unused.db" };
    IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    var services = new ServiceCollection();
    services.AddSingleton(configuration);
    services.AddLogging();
    services.AddCleaNumExport();
    if (dbPath is not null)
    {
        services.AddCleaNumStorage();
    }

    return services.BuildServiceProvider();
}

static string OutFolder(string? folder) => folder ?? Directory.CreateTempSubdirectory("cleanum-consol-bench-").FullName;

/// <summary>The annex, then the status workbook, each timed.</summary>
static (string Annex, TimeSpan WriteAnnex, TimeSpan WriteStatus) WriteOutputs(
    IAnnexWriter annexWriter, IStatusWorkbookWriter statusWriter, NetworkConsolidation network, string folder)
{
    var step = Stopwatch.StartNew();
    string annex = annexWriter.Write(network, folder, TimeProvider.System.GetUtcNow());
    TimeSpan writeAnnex = step.Elapsed;
    step.Restart();
    statusWriter.Write(network, folder, TimeProvider.System.GetUtcNow());
    return (annex, writeAnnex, step.Elapsed);
}

static void Report(string label, Stopwatch total, params (string Step, TimeSpan Time)[] steps)
{
    foreach ((string step, TimeSpan time) in steps)
    {
        Console.WriteLine($"  {step,-28} {time.TotalMilliseconds,8:F0} ms");
    }

    Console.WriteLine($"{label}: total {total.Elapsed.TotalMilliseconds:F0} ms, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
}

static int Memory(int members, string? outFolder)
{
    List<Submission> files = Generate(members);
    Console.WriteLine($"{members} members, {files.Sum(f => f.Data!.Establishments.Count)} establishments, {files.Sum(f => f.Data!.Intervenants.Count)} CVs");
    using ServiceProvider services = Services(null);
    var annexWriter = services.GetRequiredService<IAnnexWriter>();
    var statusWriter = services.GetRequiredService<IStatusWorkbookWriter>();
    string folder = OutFolder(outFolder);

    // Warm-up on a small network (JIT), not counted.
    NetworkConsolidation warm = TestNetwork.Consolidate(Generate(60), TestNetwork.Roster(Generate(60)));
    annexWriter.Write(warm, Path.Combine(folder, "warmup"), TimeProvider.System.GetUtcNow());

    var total = Stopwatch.StartNew();
    var step = Stopwatch.StartNew();
    NetworkConsolidation network = TestNetwork.Consolidate(files, TestNetwork.Roster(files));
    TimeSpan consolidate = step.Elapsed;
    (string annex, TimeSpan writeAnnex, TimeSpan writeStatus) = WriteOutputs(annexWriter, statusWriter, network, folder);
    total.Stop();
    Console.WriteLine($"annex {annex} ({new FileInfo(annex).Length / 1024} KB), {network.Establishments.Count} establishments, CV sample {network.CvSample.SelectedCount}/{network.CvSample.Required}");
    Report("memory", total, ("consolidate", consolidate), ("write annex", writeAnnex), ("write status workbook", writeStatus));
    return 0;
}

static async Task<int> PrepareAsync(string dbPath, int members)
{
    await using ServiceProvider services = Services(dbPath);
    await services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
    var store = services.GetRequiredService<ISubmissionStore>();
    foreach (Submission s in Generate(members))
    {
        await store.AddAsync(s with { Id = 0, Version = 0 }, CancellationToken.None);
        int member = int.Parse(s.FileName.AsSpan(7, 3), CultureInfo.InvariantCulture);
        if (member % 10 == 0)
        {
            await store.AddAsync(s with { Id = 0, Version = 0, Sha256 = s.Sha256[..12] + new string('f', 52), ReceivedAtUtc = s.ReceivedAtUtc.AddDays(1) }, CancellationToken.None);
        }
    }

    Console.WriteLine($"stored {members} members into {dbPath}");
    return 0;
}

static async Task<int> SqliteAsync(string dbPath, string? outFolder)
{
    await using ServiceProvider services = Services(dbPath);
    var store = services.GetRequiredService<ISubmissionStore>();
    var annexWriter = services.GetRequiredService<IAnnexWriter>();
    var statusWriter = services.GetRequiredService<IStatusWorkbookWriter>();
    string folder = OutFolder(outFolder);

    var total = Stopwatch.StartNew();
    var step = Stopwatch.StartNew();
    // What ConsolidationService.ConsolidateAsync does.
    IReadOnlyList<Submission> current = await store.GetCurrentVersionsAsync(TestNetwork.Campaign, CancellationToken.None);
    IReadOnlyList<MemberStatus> latest = await store.GetMemberStatusesAsync(TestNetwork.Campaign, CancellationToken.None);
    var versions = new Dictionary<string, IReadOnlyList<Submission>>(StringComparer.Ordinal);
    foreach (MemberStatus m in latest.Where(m => m.Version > 1 || m.Status == SubmissionStatus.Refused))
    {
        versions[m.Siren] = await store.GetVersionsAsync(m.Siren, CancellationToken.None);
    }

    TimeSpan read = step.Elapsed;
    step.Restart();
    NetworkConsolidation network = NetworkConsolidator.Consolidate(
        new ConsolidationInput(TestNetwork.Campaign, "Réseau Numérique Solidaire", TestNetwork.Roster(current), current, latest, versions),
        new ConsolidationSettings());
    TimeSpan consolidate = step.Elapsed;
    (string annex, TimeSpan writeAnnex, TimeSpan writeStatus) = WriteOutputs(annexWriter, statusWriter, network, folder);
    total.Stop();
    Console.WriteLine($"{current.Count} current versions, {versions.Count} histories read; annex {annex}, {network.Establishments.Count} establishments, CV sample {network.CvSample.SelectedCount}/{network.CvSample.Required}");
    Report("sqlite", total, ("read store", read), ("consolidate", consolidate), ("write annex", writeAnnex), ("write status workbook", writeStatus));
    return 0;
}

static int ClosedXml(int members)
{
    NetworkConsolidation network = TestNetwork.Consolidate(Generate(members));
    string path = Path.Combine(OutFolder(null), "closedxml.xlsx");
    var total = Stopwatch.StartNew();
    using (var workbook = new XLWorkbook())
    {
        IXLWorksheet table = workbook.AddWorksheet("1.4 Etablissements");
        string[] headers = ["N°", "Raison sociale", "SIRET", "Adresse Code postal Ville", "Région", "SIREN du membre"];
        for (int c = 0; c < headers.Length; c++)
        {
            table.Cell(1, c + 1).Value = headers[c];
        }

        int row = 1;
        foreach (AnnexEstablishment e in network.Establishments)
        {
            row++;
            table.Cell(row, 1).Value = row - 1;
            table.Cell(row, 2).Value = e.Name;
            table.Cell(row, 3).SetValue(e.Siret);
            table.Cell(row, 4).Value = e.AddressLine;
            table.Cell(row, 5).Value = e.RegionName;
            table.Cell(row, 6).SetValue(e.MemberSiren);
        }

        table.Column(3).Style.NumberFormat.NumberFormatId = 49;
        table.SheetView.FreezeRows(1);
        table.RangeUsed()!.SetAutoFilter();
        IXLWorksheet anomalies = workbook.AddWorksheet("Anomalies");
        row = 0;
        foreach (ConsolidatedMember m in network.Members)
        {
            foreach (var i in m.Issues)
            {
                row++;
                anomalies.Cell(row, 1).Value = m.Name;
                anomalies.Cell(row, 2).SetValue(m.Siren);
                anomalies.Cell(row, 3).Value = i.Code;
                anomalies.Cell(row, 4).Value = i.Message;
            }
        }

        workbook.SaveAs(path);
    }

    total.Stop();
    Console.WriteLine($"closedxml: 1.4 ({network.Establishments.Count} rows) + Anomalies written in {total.Elapsed.TotalMilliseconds:F0} ms, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
    return 0;
}
