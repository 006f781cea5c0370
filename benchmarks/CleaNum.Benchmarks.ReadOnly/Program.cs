using System.Globalization;
using System.Text;
using CleaNum.Benchmarks;

// A whole process that only reads every cell of every workbook of a folder with ExcelDataReader 3.6.0: the reference
// `cleanum ingest` is compared with (benchmarks/CleaNum.Benchmarks.Process).
// Usage: dotnet CleaNum.Benchmarks.ReadOnly.dll <folder>
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
string[] files = [.. Directory.EnumerateFiles(args[0]).Where(f => f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xls", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)];
long cells = 0;
foreach (string file in files)
{
    cells += RawRead.EveryCell(file);
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Length} files, {cells} non-null cells"));
return 0;
