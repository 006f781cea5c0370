using CleaNum.Core.Issues;
using CleaNum.Export.Reports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CleaNum.Export.Tests;

/// <summary>
/// The package patcher over every .xlsx/.xlsm of the real-world corpus (files written by Excel, LibreOffice, Apache POI,
/// ClosedXML and others, odd ones included): a cell marked on every worksheet, the copy must open with the Open XML
/// SDK, add no schema error the original did not have, and leave every value as ExcelDataReader reads it.
/// </summary>
public sealed class AnnotatedPackageCorpusTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> CorpusWorkbooks()
    {
        var data = new TheoryData<string>();
        if (SharedFolder.Available)
        {
            string folder = SharedFolder.Combine("corpus", "excel");
            foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(folder, file));
            }
        }

        return data;
    }

    [SharedTheory]
    [MemberData(nameof(CorpusWorkbooks))]
    public void Does_annotate_a_real_world_workbook_without_damaging_it(string relativePath)
    {
        string original = AboveTests.CorpusFile(relativePath);
        List<string>? before = TryValidate(original, out string[] sheetNames);
        if (before is null)
        {
            return; // not a package the SDK opens (encrypted, corrupt, fuzzed, not a zip…): the reader refuses it first
        }

        Issue[] issues =
        [
            .. sheetNames.Select(name => ASubmission.Error(IssueCodes.Required, name, 2, "B")),
            .. sheetNames.Select(name => ASubmission.Warning(IssueCodes.RegionMismatch, name, 40, "AB")),
            ASubmission.Error(IssueCodes.CvEvaluatorMissing, null, null, null),
        ];
        string output = _folder.File("annote.xlsx");

        int? marked = AnnotatedPackage.TryWrite(original, issues, "rapport.xlsx", output);

        if (marked is null)
        {
            Assert.False(File.Exists(output));
            return;
        }

        List<string> after = TryValidate(output, out string[] annotatedNames) ?? throw new InvalidOperationException("The annotated copy does not open");
        Assert.Equal(["Anomalies CleaNum", .. sheetNames.Where(n => n != "Anomalies CleaNum")], annotatedNames);
        HashSet<string> known = [.. before];
        List<string> added = [.. after.Where(e => !known.Contains(e))];
        Assert.Equal([], added);
        if (!MisreadByExcelDataReader.Contains(relativePath))
        {
            AssertSameValues(original, output);
        }
    }

    /// <summary>Lower-case cell references ("c2"), which ExcelDataReader 3.6 reads as consecutive columns: the patch
    /// writes the references of a marked row in upper case, so that row reads right in the copy and differs from the
    /// (misread) original.</summary>
    private static readonly HashSet<string> MisreadByExcelDataReader = ["exceldatareader/LowerCaseReferenceAttribute.xlsx"];

    /// <summary>Every value of every original sheet, as ExcelDataReader reads it, is unchanged (blank cells we created
    /// read as null, like the blanks they were).</summary>
    private static void AssertSameValues(string original, string output)
    {
        IReadOnlyList<ReadSheet> before;
        try
        {
            before = IndependentReader.Read(original);
        }
#pragma warning disable CA1031 // the corpus holds files ExcelDataReader 3.6 cannot read: nothing to compare then
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        IReadOnlyList<ReadSheet> after = IndependentReader.Read(output);
        foreach (ReadSheet sheet in before)
        {
            ReadSheet copy = after.First(s => s.Name == sheet.Name);
            int rows = Math.Max(sheet.Rows.Count, copy.Rows.Count);
            for (int r = 1; r <= rows; r++)
            {
                int columns = Math.Max(r <= sheet.Rows.Count ? sheet.Rows[r - 1].Length : 0, r <= copy.Rows.Count ? copy.Rows[r - 1].Length : 0);
                for (int c = 1; c <= columns; c++)
                {
                    Assert.Equal(sheet.Value(r, c), copy.Value(r, c));
                }
            }
        }
    }

    /// <summary>Schema errors of a package (null when the SDK cannot open it) and its sheet names in order.</summary>
    private static List<string>? TryValidate(string path, out string[] sheetNames)
    {
        sheetNames = [];
        try
        {
            using SpreadsheetDocument document = SpreadsheetDocument.Open(path, isEditable: false);
            sheetNames = [.. document.WorkbookPart?.Workbook?.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>()
                .Select(s => s.Name?.Value ?? "") ?? []];
            var validator = new OpenXmlValidator(FileFormatVersions.Office2016);
            return [.. validator.Validate(document).Select(e => $"{e.Part?.Uri}: {e.Description}")];
        }
#pragma warning disable CA1031 // whatever the SDK throws on a damaged package means "not a workbook to annotate"
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
