using System.IO.Compression;
using System.Xml.Linq;
using CleaNum.Core.Issues;
using CleaNum.Export.Reports;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CleaNum.Export.Tests;

/// <summary>The annotated copy written by patching the member's package (<see cref="AnnotatedPackage"/>), checked with
/// three independent readers: the Open XML SDK's schema validator, ClosedXML and ExcelDataReader.</summary>
public sealed class AnnotatedPackageTests : IDisposable
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly Issue[] SomeIssues =
    [
        ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B", "SIRET", "73282932000079"),
        ASubmission.Warning(IssueCodes.RegionMismatch, "Etablissements", 2, "F", "Région", "Bretagne"),
        ASubmission.Error(IssueCodes.Required, "Etablissements", 3, "D", "Code postal"),
        ASubmission.Error(IssueCodes.Required, "Etablissements", 7, "C", "Adresse"),
        ASubmission.Warning(IssueCodes.QualiopiMissing, "Organisme", 4, "B", "Certification Qualiopi", "Non"),
        ASubmission.Error(IssueCodes.CvEvaluatorMissing, null, null, null),
    ];

    [Fact]
    public void Does_patch_the_package_into_a_schema_valid_workbook()
    {
        string original = MemberWorkbook.Create(_folder.File("acme.xlsx"));
        string output = _folder.File("annote.xlsx");

        int? marked = AnnotatedPackage.TryWrite(original, SomeIssues, "rapport.xlsx", output);

        Assert.Equal(5, marked);
        Assert.Empty(NewValidationErrors(original, output));
    }

    [Fact]
    public void Does_fill_and_comment_each_faulty_cell_and_keep_every_value()
    {
        string original = MemberWorkbook.Create(_folder.File("acme.xlsx"));
        string output = _folder.File("annote.xlsx");

        AnnotatedPackage.TryWrite(original, SomeIssues, "rapport.xlsx", output);

        using (var workbook = new XLWorkbook(output))
        {
            Assert.Equal(["Anomalies CleaNum", "Organisme", "Etablissements"], workbook.Worksheets.Select(w => w.Name));
            IXLWorksheet sheet = workbook.Worksheet("Etablissements");
            Assert.Equal("FFC7CE", MemberReportWriterTests.Rgb(sheet.Cell("B3")));
            Assert.Equal("FFEB9C", MemberReportWriterTests.Rgb(sheet.Cell("F2")));
            Assert.Equal("FFEB9C", MemberReportWriterTests.Rgb(workbook.Worksheet("Organisme").Cell("B4")));
            Assert.StartsWith(AnnotatedCopyWriter.CommentHeader, sheet.Cell("B3").Comment.Text, StringComparison.Ordinal);
            Assert.Contains("Message SIRET_CHECKSUM Etablissements 3", sheet.Cell("B3").Comment.Text, StringComparison.Ordinal);
            Assert.Contains("Avertissement REGION_MISMATCH Etablissements 2", sheet.Cell("F2").Comment.Text, StringComparison.Ordinal);
            Assert.False(sheet.Cell("B2").HasComment);
            Assert.Equal(XLFillPatternValues.None, sheet.Cell("B2").Style.Fill.PatternType);

            // Blank cells are created with the fill, in an existing row (D3) and in a row that did not exist (C7).
            Assert.Equal("FFC7CE", MemberReportWriterTests.Rgb(sheet.Cell("D3")));
            Assert.Equal("FFC7CE", MemberReportWriterTests.Rgb(sheet.Cell("C7")));
            Assert.True(sheet.Cell("C7").HasComment);

            // The marked cell keeps its own format (column B is text, "@") besides the new fill.
            Assert.Equal("@", sheet.Cell("B3").Style.NumberFormat.Format);
            Assert.Equal("73282932000079", sheet.Cell("B3").GetString());

            IXLWorksheet first = workbook.Worksheet("Anomalies CleaNum");
            var listed = first.CellsUsed().Select(c => c.GetString()).ToList();
            Assert.Contains(IssueCodes.CvEvaluatorMissing, listed);
            Assert.DoesNotContain(IssueCodes.SiretChecksum, listed);
            Assert.Contains(listed, text => text.Contains("rapport.xlsx", StringComparison.Ordinal));
        }

        // The member's data reads back the same through ExcelDataReader, sheet by sheet.
        var before = IndependentReader.Read(original);
        var after = IndependentReader.Read(output);
        foreach (string name in new[] { "Organisme", "Etablissements" })
        {
            Assert.Equal(Lines(before.Sheet(name)), Lines(after.Sheet(name)));
        }
    }

    [Fact]
    public void Does_annotate_a_workbook_written_by_libreoffice()
    {
        string original = AboveTests.SampleData("formaclea-aura.xlsx");
        string output = _folder.File("annote.xlsx");
        Issue[] issues =
        [
            ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 5, "B"),
            ASubmission.Warning(IssueCodes.RegionMismatch, "Organisme", 8, "B"),
        ];

        int? marked = AnnotatedPackage.TryWrite(original, issues, "rapport.xlsx", output);

        Assert.Equal(2, marked);
        Assert.Empty(NewValidationErrors(original, output));
        Assert.Contains("Message SIRET_CHECKSUM Etablissements 5", CommentOf(output, "Etablissements", "B5"), StringComparison.Ordinal);
        Assert.Contains("Avertissement REGION_MISMATCH Organisme 8", CommentOf(output, "Organisme", "B8"), StringComparison.Ordinal);

        // The template's help comments on the header row, re-saved by LibreOffice, are still there.
        Assert.Equal(CommentOf(original, "Etablissements", "B1"), CommentOf(output, "Etablissements", "B1"));
        Assert.NotEmpty(CommentOf(original, "Etablissements", "B1"));
    }

    [Fact]
    public void Does_leave_only_the_new_first_sheet_selected_and_shift_sheet_scoped_names()
    {
        string original = _folder.File("acme.xlsx");
        using (var workbook = new XLWorkbook())
        {
            workbook.AddWorksheet("Organisme").Cell("A1").SetValue("SIREN");
            IXLWorksheet establishments = workbook.AddWorksheet("Etablissements");
            establishments.Cell("B2").SetValue("73282932000079");
            establishments.PageSetup.PrintAreas.Add("A1:F10");
            establishments.SetTabActive();
            establishments.TabSelected = true;
            workbook.SaveAs(original);
        }

        string output = _folder.File("annote.xlsx");
        AnnotatedPackage.TryWrite(original, [ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 2, "B")], "rapport.xlsx", output);

        Assert.Empty(NewValidationErrors(original, output));
        using ZipArchive zip = ZipFile.OpenRead(output);
        XDocument book = Load(zip, "xl/workbook.xml");
        XElement printArea = book.Descendants(Main + "definedName").Single(n => (string?)n.Attribute("name") == "_xlnm.Print_Area");
        Assert.Equal("2", (string?)printArea.Attribute("localSheetId"));
        Assert.Equal("0", (string?)book.Descendants(Main + "workbookView").Single().Attribute("activeTab"));
        string[] sheetParts = [.. zip.Entries.Select(e => e.FullName).Where(n => n.StartsWith("xl/worksheets/", StringComparison.Ordinal) && n.EndsWith(".xml", StringComparison.Ordinal))];
        var selected = sheetParts.Where(p => Load(zip, p).Descendants(Main + "sheetView").Any(v => (string?)v.Attribute("tabSelected") is "1" or "true")).ToList();
        Assert.Equal(["xl/worksheets/cleanum-anomalies1.xml"], selected);

        using var reopened = new XLWorkbook(output);
        Assert.Equal("$A$1:$F$10", reopened.Worksheet("Etablissements").PageSetup.PrintAreas.Single().RangeAddress.ToString());
    }

    [Fact]
    public void Does_keep_the_members_own_comments_and_add_ours_after_them()
    {
        string original = MemberWorkbook.Create(_folder.File("acme.xlsx"));
        using (var workbook = new XLWorkbook(original))
        {
            workbook.Worksheet("Etablissements").Cell("A2").Comment.AddText("Note du membre");
            workbook.Worksheet("Etablissements").Cell("B2").Comment.AddText("Vérifié avec l'INSEE");
            workbook.Save();
        }

        Issue[] issues =
        [
            ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B"),
            ASubmission.Error(IssueCodes.SiretSirenMismatch, "Etablissements", 2, "B"),
        ];
        string output = _folder.File("annote.xlsx");

        Assert.Equal(2, AnnotatedPackage.TryWrite(original, issues, "rapport.xlsx", output));

        Assert.Empty(NewValidationErrors(original, output));
        using var annotated = new XLWorkbook(output);
        IXLWorksheet sheet = annotated.Worksheet("Etablissements");
        Assert.Equal("Note du membre", sheet.Cell("A2").Comment.Text);
        Assert.StartsWith("Vérifié avec l'INSEE", sheet.Cell("B2").Comment.Text, StringComparison.Ordinal);
        Assert.Contains("SIRET_SIREN_MISMATCH", sheet.Cell("B2").Comment.Text, StringComparison.Ordinal);
        Assert.Contains("SIRET_CHECKSUM", sheet.Cell("B3").Comment.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_replace_earlier_annotations_when_an_annotated_copy_comes_back()
    {
        string original = MemberWorkbook.Create(_folder.File("acme.xlsx"));
        using (var workbook = new XLWorkbook(original))
        {
            workbook.Worksheet("Etablissements").Cell("A2").Comment.AddText("Note du membre");
            workbook.Worksheet("Etablissements").Cell("A3").Style.Fill.BackgroundColor = XLColor.FromHtml("#FFC7CE"); // the member's own red
            workbook.Save();
        }

        string first = _folder.File("premier.xlsx");
        AnnotatedPackage.TryWrite(original,
        [
            ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B"),
            ASubmission.Warning(IssueCodes.RegionMismatch, "Etablissements", 2, "F"),
            ASubmission.Error(IssueCodes.Required, "Etablissements", 2, "A"),
            ASubmission.Error(IssueCodes.CvEvaluatorMissing, null, null, null),
        ], "rapport-1.xlsx", first);

        string second = _folder.File("second.xlsx");
        int? marked = AnnotatedPackage.TryWrite(first,
        [
            ASubmission.Warning(IssueCodes.RegionMismatch, "Etablissements", 2, "F"),
            ASubmission.Error(IssueCodes.Required, "Etablissements", 2, "D"),
        ], "rapport-2.xlsx", second);

        Assert.Equal(2, marked);
        Assert.Empty(NewValidationErrors(original, second));
        using (var workbook = new XLWorkbook(second))
        {
            Assert.Equal(["Anomalies CleaNum", "Organisme", "Etablissements"], workbook.Worksheets.Select(w => w.Name));
            var listed = workbook.Worksheet("Anomalies CleaNum").CellsUsed().Select(c => c.GetString()).ToList();
            Assert.DoesNotContain(IssueCodes.CvEvaluatorMissing, listed);
            Assert.Contains(listed, text => text.Contains("rapport-2.xlsx", StringComparison.Ordinal));

            IXLWorksheet sheet = workbook.Worksheet("Etablissements");
            Assert.False(sheet.Cell("B3").HasComment);
            Assert.Equal(XLFillPatternValues.None, sheet.Cell("B3").Style.Fill.PatternType);
            Assert.Equal("@", sheet.Cell("B3").Style.NumberFormat.Format);
            Assert.Equal("Note du membre", sheet.Cell("A2").Comment.Text);
            Assert.Equal(XLFillPatternValues.None, sheet.Cell("A2").Style.Fill.PatternType);
            Assert.Equal("FFC7CE", MemberReportWriterTests.Rgb(sheet.Cell("A3"))); // not ours: kept
            Assert.Equal(1, CountOccurrences(sheet.Cell("F2").Comment.Text, AnnotatedCopyWriter.CommentHeader));
            Assert.Equal("FFEB9C", MemberReportWriterTests.Rgb(sheet.Cell("F2")));
            Assert.Equal("FFC7CE", MemberReportWriterTests.Rgb(sheet.Cell("D2")));
        }

        // One note shape per comment left: the removed comments took their shapes with them.
        using ZipArchive zip = ZipFile.OpenRead(second);
        string vml = string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".vml", StringComparison.OrdinalIgnoreCase))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
        int comments = zip.Entries.Where(e => e.FullName.Contains("comments", StringComparison.OrdinalIgnoreCase))
            .Sum(e => Load(zip, e.FullName).Descendants(Main + "comment").Count());
        Assert.Equal(comments, CountOccurrences(vml, "ObjectType=\"Note\""));
        Assert.Equal(3, comments); // A2 (member's), F2, D2
    }

    private static int CountOccurrences(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public void Does_create_the_styles_part_a_minimal_writer_left_out()
    {
        string original = MemberWorkbook.Create(_folder.File("acme.xlsx"));
        using (ZipArchive zip = ZipFile.Open(original, ZipArchiveMode.Update))
        {
            zip.GetEntry("xl/styles.xml")!.Delete();
            ZipArchiveEntry rels = zip.GetEntry("xl/_rels/workbook.xml.rels")!;
            XDocument relationships = Load(zip, rels.FullName);
            relationships.Root!.Elements().Where(r => ((string?)r.Attribute("Type"))!.EndsWith("/styles", StringComparison.Ordinal)).Remove();
            rels.Delete();
            using Stream stream = zip.CreateEntry("xl/_rels/workbook.xml.rels").Open();
            relationships.Save(stream);
        }

        string output = _folder.File("annote.xlsx");
        Assert.Equal(1, AnnotatedPackage.TryWrite(original, [ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B")], "rapport.xlsx", output));

        Assert.Empty(NewValidationErrors(original, output));
        using var workbook = new XLWorkbook(output);
        Assert.Equal("FFC7CE", MemberReportWriterTests.Rgb(workbook.Worksheet("Etablissements").Cell("B3")));
        Assert.Contains("SIRET_CHECKSUM", workbook.Worksheet("Etablissements").Cell("B3").Comment.Text, StringComparison.Ordinal);
    }

    [SharedFact]
    public void Does_leave_strict_open_xml_to_closedxml()
    {
        string original = AboveTests.CorpusFile("poi/SampleSS.strict.xlsx");
        Issue[] issues = [ASubmission.Error(IssueCodes.Required, "First Sheet", 2, "B")];

        Assert.Null(AnnotatedPackage.TryWrite(original, issues, "rapport.xlsx", _folder.File("declined.xlsx")));
        Assert.False(File.Exists(_folder.File("declined.xlsx")));

        string output = _folder.File("annote.xlsx");
        Assert.Equal(1, AnnotatedCopyWriter.Write(original, issues, "rapport.xlsx", output));
        using var workbook = new XLWorkbook(output);
        Assert.Equal("FFC7CE", MemberReportWriterTests.Rgb(workbook.Worksheet("First Sheet").Cell("B2")));
        Assert.Contains("REQUIRED", workbook.Worksheet("First Sheet").Cell("B2").Comment.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_annotate_sheets_matched_by_an_accepted_name_and_list_issues_of_missing_sheets()
    {
        string original = MemberWorkbook.Create(_folder.File("acme.xlsx"), etablissementsSheet: "Sites");
        string output = _folder.File("annote.xlsx");
        Issue[] issues =
        [
            ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B"),
            ASubmission.Error(IssueCodes.Required, "Intervenants", 4, "A"),
        ];

        Assert.Equal(1, AnnotatedPackage.TryWrite(original, issues, "rapport.xlsx", output));

        using var workbook = new XLWorkbook(output);
        Assert.True(workbook.Worksheet("Sites").Cell("B3").HasComment);
        var listed = workbook.Worksheet("Anomalies CleaNum").CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains("Intervenants", listed);
        Assert.Contains(IssueCodes.Required, listed);
    }

    /// <summary>The rows of a sheet as text, without the trailing blank rows a new blank marked cell (C7) adds.</summary>
    private static List<string> Lines(ReadSheet sheet)
    {
        var lines = sheet.Rows.Select(r => string.Join('|', r)).ToList();
        while (lines.Count > 0 && lines[^1].All(c => c == '|'))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>Schema errors in <paramref name="output"/> that <paramref name="original"/> did not already have.</summary>
    private static List<string> NewValidationErrors(string original, string output)
    {
        HashSet<string> known = [.. Validate(original)];
        return [.. Validate(output).Where(e => !known.Contains(e))];
    }

    private static IEnumerable<string> Validate(string path)
    {
        using SpreadsheetDocument document = SpreadsheetDocument.Open(path, isEditable: false);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2016);
        return [.. validator.Validate(document).Select(e => $"{e.Part?.Uri}: {e.Description}")];
    }

    /// <summary>The text of a cell's comment, read with the Open XML SDK ("" when the cell has none).</summary>
    private static string CommentOf(string path, string sheetName, string reference)
    {
        using SpreadsheetDocument document = SpreadsheetDocument.Open(path, isEditable: false);
        WorkbookPart book = document.WorkbookPart!;
        var sheet = book.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)book.GetPartById(sheet.Id!);
        var comment = part.WorksheetCommentsPart?.Comments.Descendants<DocumentFormat.OpenXml.Spreadsheet.Comment>()
            .FirstOrDefault(c => c.Reference == reference);
        return comment?.CommentText?.InnerText ?? "";
    }

    private static XDocument Load(ZipArchive zip, string part)
    {
        using Stream stream = zip.GetEntry(part)!.Open();
        return XDocument.Load(stream);
    }
}
