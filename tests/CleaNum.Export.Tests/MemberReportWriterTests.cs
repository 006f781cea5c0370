using System.IO.Compression;
using System.Security.Cryptography;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using CleaNum.Export.Reports;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleaNum.Export.Tests;

public sealed class MemberReportWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly MemberReportWriter _writer = new(NullLogger<MemberReportWriter>.Instance);

    public void Dispose() => _folder.Dispose();

    private string Reports => Path.Combine(_folder.Path, "rapports", "732829320");

    private MemberReportFiles Write(Submission submission, string? originalPath = null, DateTimeOffset? at = null) =>
        _writer.Write(
            new MemberReportRequest(submission, originalPath ?? _folder.File("absent.xlsx"), at ?? ASubmission.GeneratedAt),
            Reports);

    [Theory]
    [InlineData("Société Générale d'Études", "Societe_Generale_d_Etudes")]
    [InlineData("ACME/../../etc/passwd", "ACME_etc_passwd")]
    [InlineData("Œuvre  Formation -- Île", "OEuvre_Formation_--_Ile")]
    [InlineData(@"C:\Windows\System32", "C_Windows_System32")]
    [InlineData("..", "acme-formation")]
    [InlineData("", "acme-formation")]
    public void Does_name_the_report_after_the_member_without_accents_or_path_characters(string memberName, string expected)
    {
        Submission submission = ASubmission.Accepted() with { MemberName = memberName, Data = null };

        MemberReportFiles files = Write(submission);

        Assert.Equal(Path.Combine(Reports, $"CleANum-{expected}-Rapport-231126.xlsx"), files.ReportPath);
        Assert.True(File.Exists(files.ReportPath));
    }

    [Fact]
    public void Does_shorten_very_long_member_names()
    {
        Submission submission = ASubmission.Accepted() with { MemberName = new string('é', 300) };

        MemberReportFiles files = Write(submission);

        string name = Path.GetFileName(files.ReportPath);
        Assert.Equal($"CleANum-{new string('e', 60)}-Rapport-231126.xlsx", name);
        Assert.Equal(Reports, Path.GetDirectoryName(files.ReportPath));
    }

    [Theory]
    [InlineData("2026-11-23T23:30:00Z", "241126")] // 00:30 in Paris (UTC+1)
    [InlineData("2026-07-01T22:30:00Z", "020726")] // 00:30 in Paris (UTC+2)
    [InlineData("2026-07-01T21:30:00Z", "010726")]
    public void Does_date_the_file_name_in_paris_time(string generatedAt, string expected)
    {
        MemberReportFiles files = Write(ASubmission.Accepted(), at: DateTimeOffset.Parse(generatedAt, System.Globalization.CultureInfo.InvariantCulture));

        Assert.EndsWith($"-Rapport-{expected}.xlsx", files.ReportPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Does_list_every_issue_sorted_by_sheet_then_row()
    {
        Issue[] issues =
        [
            ASubmission.Error(IssueCodes.CvEvaluatorMissing, null, null, null),
            ASubmission.Error(IssueCodes.YearInvalid, "References", 5, "A", "Année", "1890"),
            ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 4, "B", "SIRET", "73282932000079"),
            ASubmission.Warning(IssueCodes.QualiopiMissing, "Organisme", 20, "B", "Certification Qualiopi", "Non"),
            ASubmission.Warning(IssueCodes.RegionMismatch, "Etablissements", 2, "F", "Région", "Bretagne"),
            ASubmission.Warning(IssueCodes.Required, "Feuil1", 1, "A"),
            ASubmission.Error(IssueCodes.RoleUnknown, "CV", 3, "C", "Rôle", "Chef"),
            ASubmission.Error(IssueCodes.ColumnMissing, "Etablissements", null, null, "Ville"),
        ];

        MemberReportFiles files = Write(ASubmission.Accepted(issues));

        ReadSheet anomalies = IndependentReader.Read(files.ReportPath).Sheet("Anomalies");
        Assert.Equal(MemberReportWriter.IssueHeaders, anomalies.Rows[0].Take(9).Select(v => v as string));
        string[] codes = [.. anomalies.Rows.Skip(1).Select(r => (string)r[6]!)];
        Assert.Equal(
            [IssueCodes.QualiopiMissing, IssueCodes.ColumnMissing, IssueCodes.RegionMismatch, IssueCodes.SiretChecksum,
             IssueCodes.RoleUnknown, IssueCodes.YearInvalid, IssueCodes.Required, IssueCodes.CvEvaluatorMissing],
            codes);
        object?[] siret = anomalies.Rows[4];
        Assert.Equal(["Etablissements", "B4", 4d, "SIRET", "73282932000079", "Erreur", IssueCodes.SiretChecksum,
                      "Message SIRET_CHECKSUM Etablissements 4", "Conseil SIRET_CHECKSUM"], siret.Take(9));
        Assert.Equal("Avertissement", anomalies.Value(2, 6));
        Assert.Equal("(général)", anomalies.Value(9, 1));
        Assert.Equal("", anomalies.Value(2 + 1, 2) ?? ""); // COLUMN_MISSING: no cell
    }

    [Fact]
    public void Does_store_identifiers_as_text_in_the_value_column()
    {
        Issue[] issues =
        [
            ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 2, "B", "SIRET", "00123456789012"),
            ASubmission.Error(IssueCodes.PostalCodeFormat, "Etablissements", 3, "D", "Code postal", "01000"),
            ASubmission.Error(IssueCodes.SirenChecksum, "Organisme", 3, "B", "SIREN", "732829321"),
        ];

        MemberReportFiles files = Write(ASubmission.Accepted(issues));

        ReadSheet anomalies = IndependentReader.Read(files.ReportPath).Sheet("Anomalies");
        Assert.Equal("732829321", anomalies.Value(2, 5));
        Assert.Equal("00123456789012", anomalies.Value(3, 5));
        Assert.Equal("01000", anomalies.Value(4, 5));
        Assert.All(Enumerable.Range(2, 3), row => Assert.Equal("@", anomalies.Format(row, 5)));
    }

    [Fact]
    public void Does_format_anomalies_as_a_filtered_frozen_table_with_errors_highlighted()
    {
        Issue[] issues =
        [
            ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 2, "B", "SIRET", "73282932000079"),
            ASubmission.Warning(IssueCodes.RegionMismatch, "Etablissements", 3, "F", "Région", "Bretagne"),
            new Issue(Severity.Info, "NOTE", "Etablissements", 4, "G", null, "Information", null),
            ASubmission.Error(IssueCodes.ColumnMissing, "Etablissements", null, null, "Ville"),
        ];

        MemberReportFiles files = Write(ASubmission.Accepted(issues));

        using var workbook = new XLWorkbook(files.ReportPath);
        IXLWorksheet sheet = workbook.Worksheet("Anomalies");
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("A1:I5", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        int Line(string code) => Enumerable.Range(2, 4).Single(r => sheet.Cell(r, 7).GetString() == code);
        Assert.All(Enumerable.Range(1, 9), c => Assert.Equal("FFC7CE", Rgb(sheet.Cell(Line(IssueCodes.SiretChecksum), c))));
        Assert.All(Enumerable.Range(1, 9), c => Assert.Equal("FFEB9C", Rgb(sheet.Cell(Line(IssueCodes.RegionMismatch), c))));
        // A file-level error without row or cell is red across the whole line, empty cells included.
        Assert.All(Enumerable.Range(1, 9), c => Assert.Equal("FFC7CE", Rgb(sheet.Cell(Line(IssueCodes.ColumnMissing), c))));
        Assert.All(Enumerable.Range(1, 9), c =>
            Assert.Equal(XLFillPatternValues.None, sheet.Cell(Line("NOTE"), c).Style.Fill.PatternType));
        Assert.True(sheet.Cell(2, 8).Style.Alignment.WrapText);
        Assert.Equal(XLAlignmentVerticalValues.Top, sheet.Cell(2, 8).Style.Alignment.Vertical);
        Assert.All(Enumerable.Range(1, 9), c => Assert.NotEqual(sheet.ColumnWidth, sheet.Column(c).Width));
        Assert.Equal([16d, 9, 7, 24, 22, 15, 26, 60, 50],
            IndependentReader.Read(files.ReportPath).Sheet("Anomalies").ColumnWidths.Take(9));
        Assert.Equal(["Synthese", "Anomalies"], workbook.Worksheets.Select(w => w.Name));
        Assert.True(workbook.Worksheet("Synthese").TabSelected);
        Assert.All(workbook.Worksheets, w => Assert.Equal(XLPageOrientation.Landscape, w.PageSetup.PageOrientation));
    }

    [Theory]
    [InlineData(SubmissionStatus.Refused, "FFC7CE")]
    [InlineData(SubmissionStatus.AcceptedWithWarnings, "FFEB9C")]
    [InlineData(SubmissionStatus.Accepted, "C6EFCE")]
    public void Does_colour_the_state_and_error_count_in_the_summary(SubmissionStatus status, string fill)
    {
        Issue[] issues = status == SubmissionStatus.Refused
            ? [ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 2, "B")]
            : [];

        MemberReportFiles files = Write(ASubmission.Accepted(issues) with { Status = status });

        using var workbook = new XLWorkbook(files.ReportPath);
        IXLWorksheet sheet = workbook.Worksheet("Synthese");
        IXLRow Field(string label) => sheet.RowsUsed().Single(r => r.Cell(1).GetString() == label);
        Assert.Equal(fill, Rgb(Field("État").Cell(2)));
        Assert.True(Field("État").Cell(1).Style.Font.Bold);
        Assert.Equal(
            status == SubmissionStatus.Refused ? "FFC7CE" : null,
            Field("Erreurs").Cell(2).Style.Fill.PatternType == XLFillPatternValues.None ? null : Rgb(Field("Erreurs").Cell(2)));
        Assert.Equal(MemberReportWriter.SummaryTitle, sheet.Cell(2, 2).GetString());
        Assert.True(sheet.Cell(2, 2).Style.Font.Bold);
        Assert.Equal(XLDataType.Text, Field("SIREN").Cell(2).DataType);
        Assert.All(["Erreurs", "Avertissements", "Informations"],
            label => Assert.Equal(XLAlignmentHorizontalValues.Left, Field(label).Cell(2).Style.Alignment.Horizontal));
    }

    [Fact]
    public void Does_summarise_state_counts_and_next_steps_in_french()
    {
        Issue[] issues =
        [
            ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 2, "B"),
            ASubmission.Error(IssueCodes.SiretDuplicate, "Etablissements", 3, "B"),
            ASubmission.Warning(IssueCodes.RegionMismatch, "Etablissements", 3, "F"),
            new Issue(Severity.Info, "NOTE", null, null, null, null, "Information", null),
        ];

        MemberReportFiles files = Write(ASubmission.Accepted(issues));

        ReadSheet summary = IndependentReader.Read(files.ReportPath).Sheet("Synthese");
        Dictionary<string, object?> fields = summary.Rows.Where(r => r.Length > 1 && r[0] is string)
            .GroupBy(r => (string)r[0]!).ToDictionary(g => g.Key, g => g.First()[1]);
        Assert.Equal("acme-formation.xlsx", fields["Fichier reçu"]);
        Assert.Equal("23/11/2026 à 10:15", fields["Reçu le"]);
        Assert.Equal("ACME Formation", fields["Organisme"]);
        Assert.Equal("732 829 320", fields["SIREN"]);
        Assert.Equal("2", fields["Version"]);
        Assert.Equal("Refusé", fields["État"]);
        Assert.Equal(2d, fields["Erreurs"]);
        Assert.Equal(1d, fields["Avertissements"]);
        Assert.Equal(1d, fields["Informations"]);
        Assert.Equal(["Rubrique", "Valeur"], summary.Rows[0].Take(2));
        Assert.Equal("@", summary.Format(Index(summary, "SIREN"), 2));
        Assert.Equal(MemberReportWriter.SummaryTitle, fields["Rapport"]);
        int heading = Index(summary, "Que faire maintenant ?");
        Assert.True(heading > Index(summary, "Informations"));
        IReadOnlyList<string> steps = MemberReportWriter.NextSteps(
            ASubmission.Accepted(issues), issues, errors: 2, warnings: 1);
        Assert.Equal(steps, summary.Rows.Skip(heading - 1).Select(r => r[1] as string));
        string text = string.Join("\n", summary.Rows.SelectMany(r => r).OfType<string>());
        Assert.Contains("2 erreurs bloquantes", text, StringComparison.Ordinal);
        Assert.Contains("fichier complet", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SubmissionStatus.Accepted, "Accepté", "rien à faire")]
    [InlineData(SubmissionStatus.AcceptedWithWarnings, "Accepté avec avertissements", "vérifiez les points")]
    [InlineData(SubmissionStatus.Duplicate, "Doublon — déjà reçu", "identique")]
    public void Does_tailor_the_next_steps_to_the_state(SubmissionStatus status, string state, string advice)
    {
        Issue[] issues = status == SubmissionStatus.AcceptedWithWarnings
            ? [ASubmission.Warning(IssueCodes.RegionMismatch, "Etablissements", 3, "F")]
            : [];
        Submission submission = ASubmission.Accepted(issues) with { Status = status };

        MemberReportFiles files = Write(submission);

        ReadSheet summary = IndependentReader.Read(files.ReportPath).Sheet("Synthese");
        Assert.Contains(summary.Rows, r => r.Length > 1 && (r[0] as string) == "État" && (r[1] as string) == state);
        Assert.Contains(summary.Rows, r => r.Length > 1 && (r[1] as string ?? "").Contains(advice, StringComparison.Ordinal));
    }

    [Fact]
    public void Does_report_a_refused_unreadable_file_without_annotated_copy()
    {
        string original = _folder.File("dossier cléa.xlsx");
        File.WriteAllText(original, "ceci n'est pas un classeur");

        MemberReportFiles files = Write(ASubmission.Unreadable(), original);

        Assert.Null(files.AnnotatedPath);
        Assert.Equal("CleANum-dossier_clea-Rapport-231126.xlsx", Path.GetFileName(files.ReportPath));
        IReadOnlyList<ReadSheet> report = IndependentReader.Read(files.ReportPath);
        string text = string.Join("\n", report.Sheet("Synthese").Rows.SelectMany(r => r).OfType<string>());
        Assert.Contains("Refusé", text, StringComparison.Ordinal);
        Assert.Contains("n'a pas pu être lu", text, StringComparison.Ordinal);
        Assert.Contains("Enregistrer sous", text, StringComparison.Ordinal);
        Assert.Contains("non attribuée", text, StringComparison.Ordinal);
        Assert.Equal(IssueCodes.FileUnreadable, report.Sheet("Anomalies").Value(2, 7));
        Assert.Equal([Path.GetFileName(files.ReportPath)], Directory.GetFiles(Reports).Select(Path.GetFileName));
    }

    [Fact]
    public void Does_annotate_a_copy_of_the_member_workbook()
    {
        string original = MemberWorkbook.Create(_folder.File("acme.xlsx"), etablissementsSheet: "Établissements");
        byte[] before = SHA256.HashData(File.ReadAllBytes(original));
        Issue[] issues =
        [
            ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B", "SIRET", "73282932000079"),
            ASubmission.Warning(IssueCodes.RegionMismatch, "Etablissements", 3, "B", "SIRET"),
            ASubmission.Error(IssueCodes.SiretSirenMismatch, "Etablissements", 3, "B", "SIRET"),
            ASubmission.Warning(IssueCodes.RegionMismatch, "Etablissements", 2, "F", "Région", "Bretagne"),
            ASubmission.Warning(IssueCodes.QualiopiMissing, "Organisme", 4, "B", "Certification Qualiopi", "Non"),
            ASubmission.Error(IssueCodes.CvEvaluatorMissing, null, null, null),
            ASubmission.Warning(IssueCodes.SheetMissing, "References", null, null),
        ];

        MemberReportFiles files = Write(ASubmission.Accepted(issues), original);

        Assert.NotNull(files.AnnotatedPath);
        Assert.Equal(Path.Combine(Reports, "CleANum-ACME_Formation-Rapport-231126-Annote.xlsx"), files.AnnotatedPath);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(original)));
        using var workbook = new XLWorkbook(files.AnnotatedPath);
        Assert.Equal(["Anomalies CleaNum", "Organisme", "Établissements"], workbook.Worksheets.Select(w => w.Name));

        IXLCell siret = workbook.Worksheet("Établissements").Cell("B3");
        Assert.Equal("FFC7CE", Rgb(siret));
        Assert.Equal("73282932000079", siret.GetString());
        string comment = siret.Comment.Text;
        Assert.Contains("Message SIRET_CHECKSUM Etablissements 3", comment, StringComparison.Ordinal);
        Assert.Contains("Message SIRET_SIREN_MISMATCH Etablissements 3", comment, StringComparison.Ordinal);
        Assert.Contains("Avertissement REGION_MISMATCH Etablissements 3", comment, StringComparison.Ordinal);
        Assert.Contains("Conseil SIRET_CHECKSUM", comment, StringComparison.Ordinal);
        Assert.Equal("FFEB9C", Rgb(workbook.Worksheet("Établissements").Cell("F2")));
        Assert.Equal("FFEB9C", Rgb(workbook.Worksheet("Organisme").Cell("B4")));
        Assert.False(workbook.Worksheet("Établissements").Cell("B2").HasComment);
        Assert.Equal(XLFillPatternValues.None, workbook.Worksheet("Établissements").Cell("B2").Style.Fill.PatternType);

        IXLWorksheet first = workbook.Worksheet("Anomalies CleaNum");
        var listed = first.CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(IssueCodes.CvEvaluatorMissing, listed);
        Assert.Contains(IssueCodes.SheetMissing, listed);
        Assert.DoesNotContain(IssueCodes.SiretChecksum, listed);
        Assert.Contains(listed, text => text.Contains(Path.GetFileName(files.ReportPath), StringComparison.Ordinal));
    }

    [Fact]
    public void Does_clear_earlier_annotations_when_an_annotated_copy_comes_back()
    {
        string original = MemberWorkbook.Create(_folder.File("acme.xlsx"));
        MemberReportFiles first = Write(
            ASubmission.Accepted(ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B")), original);
        string returned = _folder.File("acme-corrige.xlsx");
        File.Copy(first.AnnotatedPath!, returned);

        MemberReportFiles second = Write(
            ASubmission.Accepted(ASubmission.Warning(IssueCodes.RegionMismatch, "Etablissements", 2, "F")), returned,
            ASubmission.GeneratedAt.AddDays(1));

        using var workbook = new XLWorkbook(second.AnnotatedPath!);
        Assert.Single(workbook.Worksheets, w => w.Name == "Anomalies CleaNum");
        IXLCell fixedCell = workbook.Worksheet("Etablissements").Cell("B3");
        Assert.False(fixedCell.HasComment);
        Assert.Equal(XLFillPatternValues.None, fixedCell.Style.Fill.PatternType);
        Assert.Equal("FFEB9C", Rgb(workbook.Worksheet("Etablissements").Cell("F2")));
    }

    [Fact]
    public void Does_save_an_annotated_xlsm_as_a_plain_xlsx()
    {
        string original = MemberWorkbook.Create(_folder.File("acme.xlsm"));

        MemberReportFiles files = Write(
            ASubmission.Accepted(ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B")), original);

        Assert.NotNull(files.AnnotatedPath);
        using ZipArchive zip = ZipFile.OpenRead(files.AnnotatedPath);
        using var reader = new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open());
        string contentTypes = reader.ReadToEnd();
        Assert.Contains("spreadsheetml.sheet.main+xml", contentTypes, StringComparison.Ordinal);
        Assert.DoesNotContain("macroEnabled", contentTypes, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(IndependentReader.Read(files.AnnotatedPath));
    }

    [Fact]
    public void Does_not_annotate_xls_input()
    {
        string original = _folder.File("acme.xls");
        File.WriteAllBytes(original, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

        MemberReportFiles files = Write(
            ASubmission.Accepted(ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B")), original);

        Assert.Null(files.AnnotatedPath);
        Assert.Equal([Path.GetFileName(files.ReportPath)], Directory.GetFiles(Reports).Select(Path.GetFileName));
    }

    [Fact]
    public void Does_skip_the_annotated_copy_without_failing_when_the_workbook_cannot_be_opened()
    {
        string original = _folder.File("acme.xlsx");
        File.WriteAllBytes(original, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);

        MemberReportFiles files = Write(
            ASubmission.Accepted(ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B")), original);

        Assert.Null(files.AnnotatedPath);
        Assert.True(File.Exists(files.ReportPath));
        Assert.Equal([Path.GetFileName(files.ReportPath)], Directory.GetFiles(Reports).Select(Path.GetFileName));
    }

    [Fact]
    public void Does_replace_a_report_of_the_same_day_and_leave_no_temporary_file()
    {
        string original = MemberWorkbook.Create(_folder.File("acme.xlsx"));
        Submission submission = ASubmission.Accepted(ASubmission.Error(IssueCodes.SiretChecksum, "Etablissements", 3, "B"));

        Write(submission, original);
        MemberReportFiles files = Write(submission with { Issues = [] , Status = SubmissionStatus.Accepted }, original);

        Assert.Equal(["CleANum-ACME_Formation-Rapport-231126-Annote.xlsx", "CleANum-ACME_Formation-Rapport-231126.xlsx"],
            Directory.GetFiles(Reports).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Null(files.AnnotatedPath); // no issue this time: nothing to annotate
        Assert.Equal(["Feuille"], IndependentReader.Read(files.ReportPath).Sheet("Anomalies").Rows.Select(r => r[0]));
    }

    /// <summary>1-based row of the Synthese line labelled <paramref name="label"/>.</summary>
    private static int Index(ReadSheet sheet, string label) =>
        1 + sheet.Rows.Select((r, i) => (r, i)).Single(p => p.r.Length > 0 && (p.r[0] as string) == label).i;

    /// <summary>A cell's fill colour as "RRGGBB" (shared with the annotated-package tests).</summary>
    internal static string Rgb(IXLCell cell)
    {
        System.Drawing.Color color = cell.Style.Fill.BackgroundColor.Color;
        return $"{color.R:X2}{color.G:X2}{color.B:X2}";
    }
}
