using BenchmarkDotNet.Attributes;
using CleaNum.Core.Issues;
using CleaNum.Export.Reports;

namespace CleaNum.Benchmarks.Export;

/// <summary>
/// The annotated copy of a member workbook: the package patch (<see cref="AnnotatedCopyWriter.Write"/>) on the sample
/// data's workbook with the usual mistakes (the CleaNum template filled in) and on a LibreOffice-written one, and the
/// ClosedXML fallback (<see cref="AnnotatedCopyWriter.WriteWithClosedXml"/>) on the first (ClosedXML 0.95.4 cannot load
/// the second), and the patch as it copied the package before (<see cref="PackagePatchThroughZipArchive"/>). Each writes
/// 12 cell marks on two sheets and 2 issues that point at no cell.
/// </summary>
[MemoryDiagnoser]
public class AnnotatedCopyBenchmarks
{
    private string _folder = "";
    private string _output = "";
    private Issue[] _issues = [];

    [Params("erreurs-typiques-formanord.xlsx", "formaclea-aura.xlsx")]
    public string Workbook { get; set; } = "";

    private string Original => Path.Combine(_folder, Workbook);

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "cleanum-bench-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        File.Copy(Path.Combine(SampleData.Folder(), Workbook), Original);
        _output = Path.Combine(_folder, "annote.xlsx");
        _issues =
        [
            .. Enumerable.Range(2, 8).Select(row => Error("Etablissements", row, "SIRET")),
            .. Enumerable.Range(2, 4).Select(row => Warning("Intervenants", row, "Courriel")),
            new Issue(Severity.Error, IssueCodes.CvTrainerMissing, null, null, null, null, "Aucun CV de formateur.", "Ajoutez-en un."),
            new Issue(Severity.Warning, IssueCodes.QualiopiMissing, "Organisme", null, null, null, "Qualiopi absent.", null),
        ];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public int PackagePatch() => AnnotatedCopyWriter.Write(Original, _issues, "rapport.xlsx", _output);

    /// <summary>The same patch with every entry inflated and deflated again through <c>ZipArchive</c>, the way the copy
    /// was written before unchanged entries were copied as their compressed bytes are.</summary>
    [Benchmark]
    public int? PackagePatchThroughZipArchive() => AnnotatedPackage.TryWrite(Original, _issues, "rapport.xlsx", _output, copyRaw: false);

    [Benchmark]
    public int ClosedXmlFallback() =>
        Workbook.StartsWith("formaclea", StringComparison.Ordinal)
            ? 0 // ClosedXML 0.95.4 does not load this LibreOffice file: nothing to measure
            : AnnotatedCopyWriter.WriteWithClosedXml(Original, _issues, "rapport.xlsx", _output);

    private static Issue Error(string sheet, int row, string column) =>
        new(Severity.Error, IssueCodes.SiretChecksum, sheet, row, column, "12345678901234", "SIRET invalide.", "Vérifiez le SIRET.")
        {
            CellAddress = "B" + row.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    private static Issue Warning(string sheet, int row, string column) =>
        new(Severity.Warning, IssueCodes.EmailFormat, sheet, row, column, "jean@", "Courriel incomplet.", null)
        {
            CellAddress = "E" + row.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
}
