using System.Diagnostics;
using System.Globalization;
using System.Text;
using CleaNum.Benchmarks.Import;
using CleaNum.Core.Ports;
using CleaNum.Core.Workbook;
using CleaNum.Import;
using ExcelDataReader;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: dotnet run -c Release --project benchmarks/CleaNum.Benchmarks.Import -- [files=1000] [folder]
int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
string folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "cleanum-bench-import-" + count);
bool generated = !Directory.Exists(folder) || Directory.GetFiles(folder, "*.xlsx").Length < count;

var generation = Stopwatch.StartNew();
if (generated)
{
    Directory.CreateDirectory(folder);
    for (int i = 0; i < count; i++)
    {
        MemberWorkbookGenerator.Write(Path.Combine(folder, $"membre-{i:D5}.xlsx"), i, establishments: 5, people: 6, references: 3);
    }
}

generation.Stop();
string[] files = [.. Directory.GetFiles(folder, "*.xlsx").Order(StringComparer.Ordinal).Take(count)];
long bytes = files.Sum(f => new FileInfo(f).Length);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{files.Length} files, {bytes / 1024.0:F0} KB in {folder} ({(generated ? $"generated in {generation.Elapsed.TotalSeconds:F1} s" : "reused")})"));

Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Services.AddCleaNumImport();
using IHost host = builder.Build();
var reader = host.Services.GetRequiredService<IWorkbookReader>();

// Warm-up (JIT) on a few files, not measured.
foreach (string file in files.Take(5))
{
    CleaNum.Benchmarks.RawRead.EveryCell(file);
    reader.Read(file, MemberWorkbookSchema.Sheets, CancellationToken.None);
}

long cells = 0;
var raw = Stopwatch.StartNew();
foreach (string file in files)
{
    cells += CleaNum.Benchmarks.RawRead.EveryCell(file);
}

raw.Stop();

long records = 0;
int issues = 0;
var located = Stopwatch.StartNew();
foreach (string file in files)
{
    RawWorkbook workbook = reader.Read(file, MemberWorkbookSchema.Sheets, CancellationToken.None);
    records += workbook.Sheets.Sum(s => s.Records.Count);
    issues += workbook.Issues.Count;
}

located.Stop();
Report("(a) ExcelDataReader, every cell", raw.Elapsed, files.Length, $"{cells} non-null cells");
Report("(b) IWorkbookReader (inspect + load + locate)", located.Elapsed, files.Length, $"{records} records, {issues} issues");
return 0;

static void Report(string what, TimeSpan elapsed, int files, string detail) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{what}: {elapsed.TotalSeconds:F2} s, {elapsed.TotalMilliseconds / files:F2} ms/file, {files / elapsed.TotalSeconds:F0} files/s ({detail})"));
