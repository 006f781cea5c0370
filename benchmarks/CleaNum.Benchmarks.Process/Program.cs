using System.Diagnostics;
using System.Globalization;
using CleaNum.Benchmarks.Ingest;
using CleaNum.Benchmarks.Process;

// Whole processes, as a user runs them, side by side and alternating (paired rounds):
//   read     a process that only reads every cell of every file with ExcelDataReader 3.6.0 (CleaNum.Benchmarks.ReadOnly)
//   ingest   `cleanum ingest <folder> --data <fresh data folder with the roster>`
//   service  `cleanum run` on a fresh data folder: N files moved into depot/ at once, timed until every one is in
//            archives/ or refuses/ (stability delay at its minimum, 50 ms)
// on two corpora of N generated members (~1 in 10 with seeded mistakes): bare workbooks (the four sheets only) and
// workbooks filled in the template `cleanum template` writes. Prints medians, paired ratios and peak memory.
// Usage: dotnet run -c Release --project benchmarks/CleaNum.Benchmarks.Process -- [members=1000] [rounds=5] [work folder]
// (rounds 0: only generate the corpora, kept in the work folder for the next runs)
int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
string work = Path.GetFullPath(args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), "cleanum-bench-process"));
const int Campaign = 2026;
TimeSpan stabilityDelay = TimeSpan.FromMilliseconds(50);

Tools tools = Tools.Locate();
Console.WriteLine($"cleanum: {tools.Cleanum}");
Console.WriteLine($"reader:  {tools.Reader}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} members, {rounds} paired rounds, {Environment.ProcessorCount} cores, load average {Load()}, work folder {work}"));
Directory.CreateDirectory(work);
Leftovers.RemoveFromEarlierRuns(work);

string roster = Path.Combine(work, $"reseau-{count}.xlsx");
if (!File.Exists(roster))
{
    IngestWorkbookGenerator.WriteRoster(roster + ".tmp.xlsx", count, Campaign);
    File.Move(roster + ".tmp.xlsx", roster);
}

string template = Path.Combine(work, "modele.xlsx");
File.Delete(template);
Measure.Run(tools.Cleanum, ["template", "--out", template, "--data", Path.Combine(work, "template-data")], check: 0);
var results = new List<string>();

foreach ((string name, string? filledFrom) in new[] { ("bare", (string?)null), ("template", template) })
{
    string corpus = Corpus.Ensure(work, name, count, filledFrom);
    long bytes = Directory.EnumerateFiles(corpus).Sum(f => new FileInfo(f).Length);
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name} workbooks: {count} files, {bytes / 1024.0 / count:F1} KB each, {corpus}"));

    if (rounds == 0)
    {
        continue; // corpora only
    }

    // Warm-up, not measured: page cache, disk, the runtime's own files.
    Measure.Run(tools.Reader, [corpus], check: 0);
    Ingest(tools, corpus, roster, work, count, withRoster: true);

    var read = new List<Sample>();
    var ingest = new List<Sample>();
    var noRoster = new List<Sample>();
    var duplicates = new List<Sample>();
    var service = new List<Sample>();
    for (int round = 0; round < rounds; round++)
    {
        // Alternate which one runs first, so that neither always gets the warmer machine.
        if (round % 2 == 0)
        {
            read.Add(Measure.Run(tools.Reader, [corpus], check: 0));
        }

        (Sample first, Sample again) = Ingest(tools, corpus, roster, work, count, withRoster: true);
        ingest.Add(first);
        duplicates.Add(again);
        if (round % 2 == 1)
        {
            read.Add(Measure.Run(tools.Reader, [corpus], check: 0));
        }

        noRoster.Add(Ingest(tools, corpus, roster, work, count, withRoster: false, duplicatePass: false).First);
        service.Add(Service.Drain(tools, corpus, roster, work, count, stabilityDelay));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  round {round + 1}: read {read[^1].Wall.TotalSeconds:F2} s, ingest {ingest[^1].Wall.TotalSeconds:F2} s, without roster {noRoster[^1].Wall.TotalSeconds:F2} s, all duplicates {duplicates[^1].Wall.TotalSeconds:F2} s, service drain {service[^1].Wall.TotalSeconds:F2} s; load {Load()}"));
    }

    Sample r = Sample.Median(read);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  read (every cell, ExcelDataReader):  {r.Describe(count)}"));
    foreach ((string what, List<Sample> samples, TimeSpan allowance) in new[]
             {
                 ("cleanum ingest (with roster)", ingest, TimeSpan.Zero),
                 ("cleanum ingest (no roster)", noRoster, TimeSpan.Zero),
                 ("cleanum ingest, all duplicates", duplicates, TimeSpan.Zero),
                 ("cleanum run, drain of depot/", service, stabilityDelay),
             })
    {
        Sample s = Sample.Median(samples);
        // Paired: each round's process against the read of the same round.
        double ratio = Median(samples.Select((x, i) => (x.Wall - allowance) / read[i].Wall));
        double cpu = Median(samples.Select((x, i) => x.Cpu / read[i].Cpu));
        string line = string.Create(CultureInfo.InvariantCulture,
            $"  {what + ":",-37} {s.Describe(count)}  => {ratio:F2}x the read (wall{(allowance > TimeSpan.Zero ? ", less the " + allowance.TotalMilliseconds + " ms stability delay" : "")}), {cpu:F2}x its CPU");
        Console.WriteLine(line);
        results.Add($"{name}: {line.Trim()}");
    }
}

if (rounds == 0)
{
    return 0;
}

Leftovers.RemoveAll();
Console.WriteLine();
Console.WriteLine($"Summary (medians of paired rounds; load average now {Load()})");
foreach (string line in results)
{
    Console.WriteLine("  " + line);
}

return 0;

// One `cleanum ingest` into a fresh data folder (with or without the roster), then, optionally, the same files again
// into the same folder: every one a byte-identical duplicate.
static (Sample First, Sample Again) Ingest(Tools tools, string corpus, string roster, string work, int count, bool withRoster, bool duplicatePass = true)
{
    string data = Path.Combine(work, "data-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(data);
    if (withRoster)
    {
        File.Copy(roster, Path.Combine(data, "reseau.xlsx"));
    }

    try
    {
        // Exit code 1: some files were refused (the seeded mistakes), as expected.
        Sample first = Measure.Run(tools.Cleanum, ["ingest", corpus, "--data", data], check: 1);
        Corpus.ExpectFinished(data, count);
        // Again exit code 1: a duplicate of a refused file is still refused.
        Sample again = duplicatePass ? Measure.Run(tools.Cleanum, ["ingest", corpus, "--data", data], check: 1) : first;
        return (first, again);
    }
    finally
    {
        Leftovers.Add(data); // removed at the end, not before the next measure (see Leftovers)
    }
}

// The machine's load average (1, 5, 15 min): wall times mean little on a busy machine, CPU ratios hold better.
static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

static double Median(IEnumerable<double> values)
{
    double[] sorted = [.. values.Order()];
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
