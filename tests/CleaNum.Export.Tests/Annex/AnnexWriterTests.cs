using System.Globalization;
using ClosedXML.Excel;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Export.Annex;
using CleaNum.Export.Spreadsheet;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleaNum.Export.Tests.Annex;

public sealed class AnnexWriterTests : IDisposable
{
    private static readonly DateTimeOffset GeneratedAt = new(2025, 11, 23, 23, 30, 0, TimeSpan.Zero); // 24/11 in Paris

    private readonly TempFolder _folder = new();
    private readonly AnnexWriter _writer = new(NullLogger<AnnexWriter>.Instance);

    public void Dispose() => _folder.Dispose();

    private static NetworkConsolidation Network62(out List<Submission> members)
    {
        members = TestNetwork.Members(62);
        return TestNetwork.Consolidate(members, TestNetwork.Roster(members, TestNetwork.Siren(901)));
    }

    [Fact]
    public void Names_the_file_after_the_head_without_accents_and_with_the_paris_date()
    {
        NetworkConsolidation network = Network62(out _);

        string path = _writer.Write(network, _folder.Path, GeneratedAt);

        Assert.Equal("CleANum-Reseau_Numerique_Solidaire-PJ1-241125.xlsx", Path.GetFileName(path));
        Assert.Equal(["CleANum-Reseau_Numerique_Solidaire-PJ1-241125.xlsx"], _folder.FileNames());
    }

    [Fact]
    public void Keeps_a_head_name_from_escaping_the_folder()
    {
        Assert.Equal("CleANum-Reseau-PJ1-241125.xlsx", AnnexFileNames.Annex("../..", GeneratedAt));
        Assert.Equal("CleANum-etc_passwd-PJ1-241125.xlsx", AnnexFileNames.Annex("/etc/passwd", GeneratedAt));
    }

    [Fact]
    public void Writes_the_nine_sheets_in_order_with_every_establishment_once_as_14_digit_text()
    {
        NetworkConsolidation network = Network62(out List<Submission> members);

        string path = _writer.Write(network, _folder.Path, GeneratedAt);
        IReadOnlyList<ReadSheet> sheets = IndependentReader.Read(path);

        Assert.Equal(
            ["Synthèse", "1.4 Établissements", "4.3 Organismes du réseau", "Membres", "3.2 Activité", "CV", "Références", "Anomalies", "Versions"],
            sheets.Select(s => s.Name));
        ReadSheet table = sheets.Sheet("1.4 Établissements");
        Assert.Equal(["N°", "Raison sociale", "SIRET", "Adresse Code postal Ville", "Région", "SIREN du membre"], table.Rows[0].Take(6));
        var expected = members.SelectMany(m => m.Data!.Establishments).ToDictionary(e => e.Siret!);
        Assert.Equal(expected.Count, table.Rows.Count - 1);
        var seen = new HashSet<string>();
        foreach (object?[] row in table.Rows.Skip(1))
        {
            string siret = Assert.IsType<string>(row[2]);
            Assert.Matches("^[0-9]{14}$", siret);
            Assert.True(seen.Add(siret));
            Establishment source = expected[siret];
            Assert.Equal(Core.Geography.FrenchGeography.RegionByCode(source.RegionCode!)!.Name, row[4]);
            Assert.Equal($"{source.Address}, {source.PostalCode} {source.City}", row[3]);
            Assert.Equal(siret[..9], Assert.IsType<string>(row[5]));
        }

        Assert.Equal(62, sheets.Sheet("4.3 Organismes du réseau").Rows.Count - 1);
        Assert.Equal(
            ["N°", "Nom de l'organisme / SIREN", "Références de l'organisme en lien avec l'activité CléA numérique", "Ressources humaines mobilisées",
             "Spécificités de l'organisme sur la mise en œuvre du dispositif CléA numérique"],
            sheets.Sheet("4.3 Organismes du réseau").Rows[0].Take(5));
        Assert.Equal(network.CvSample.Required, sheets.Sheet("CV").Rows.Count - 1);
        Assert.Equal(62, sheets.Sheet("Versions").Rows.Count - 1);
        ReadSheet roster = sheets.Sheet("Membres");
        Assert.Equal(63, roster.Rows.Count - 1); // 62 members and the one who sent nothing
        Assert.Contains(roster.Rows, r => (string?)r[3] == "manquant" && (string?)r[0] == TestNetwork.Siren(901));
        Assert.All(roster.Rows.Skip(1).Where(r => (string?)r[3] != "manquant"), r => Assert.Equal("Oui, le 01/09/2025", r[4]));
        Assert.Equal(members.Sum(m => m.Data!.References.Count), sheets.Sheet("Références").Rows.Count - 1);
    }

    [Fact]
    public void Freezes_and_repeats_the_header_prints_readable_a4_landscape_and_stores_identifiers_as_text()
    {
        NetworkConsolidation network = Network62(out _);

        string path = _writer.Write(network, _folder.Path, GeneratedAt);

        using var workbook = new XLWorkbook(path);
        foreach (IXLWorksheet sheet in workbook.Worksheets)
        {
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.Equal(1, sheet.PageSetup.FirstRowToRepeatAtTop);
            Assert.Equal(1, sheet.PageSetup.LastRowToRepeatAtTop);
            Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
            Assert.Equal(XLPaperSize.A4Paper, sheet.PageSetup.PaperSize);
            Assert.InRange(sheet.PageSetup.Scale, SpreadsheetWriter.MinimumPrintScale, 100);
            Assert.Equal(0, sheet.PageSetup.PagesWide); // no fit-to-page: the scale holds
            Assert.True(sheet.Column(2).Width > 10, sheet.Name);
            if (sheet.Name == "Synthèse")
            {
                Assert.False(sheet.AutoFilter.IsEnabled);
                continue;
            }

            Assert.True(sheet.AutoFilter.IsEnabled, sheet.Name);
            Assert.Equal(1, sheet.AutoFilter.Range.FirstRow().RowNumber());
            Assert.Equal(sheet.LastRowUsed()!.RowNumber(), sheet.AutoFilter.Range.LastRow().RowNumber());
            foreach (IXLCell cell in sheet.Row(2).CellsUsed())
            {
                Assert.Equal(XLAlignmentVerticalValues.Top, cell.Style.Alignment.Vertical);
            }
        }

        IXLWorksheet cvs = workbook.Worksheet("CV");
        Assert.True(cvs.Cell(2, 6).Style.Alignment.WrapText);
        IXLWorksheet table = workbook.Worksheet("1.4 Établissements");
        IXLCell siret = table.Cell(2, 3);
        Assert.Equal(XLDataType.Text, siret.DataType);
        Assert.Equal(49, siret.Style.NumberFormat.NumberFormatId);
        Assert.InRange(table.Column(3).Width, 16, 17.5); // ClosedXML reports the width minus its padding
        Assert.True(table.Cell(1, 1).Style.Font.Bold);
    }

    [Fact]
    public void States_coverage_cv_rule_and_fees_in_the_synthese_as_label_and_value()
    {
        NetworkConsolidation network = Network62(out _);

        string path = _writer.Write(network, _folder.Path, GeneratedAt);
        ReadSheet synthese = IndependentReader.Read(path).Sheet("Synthèse");

        Dictionary<string, object?> values = synthese.Pairs();
        Assert.Equal("Réseau Numérique Solidaire", values["Tête de réseau"]);
        Assert.Equal("732829320", values["SIREN de la tête de réseau"]);
        Assert.Equal(2025d, values["Campagne"]);
        Assert.Equal(new DateTime(2025, 11, 24, 0, 30, 0), values["Date de génération"]);
        Assert.Equal("OUI", values["Couverture nationale"]);
        Assert.Equal("NON", values["Couverture régionale"]);
        Assert.Equal(network.Establishments.Count, Convert.ToInt32(values["Nombre d'établissements et de sites"], CultureInfo.InvariantCulture));
        Assert.Equal(1d, values["Membres manquants"]);
        Assert.Equal((double)network.CvSample.Required, values["CV requis"]);
        Assert.Equal((double)network.CvSample.Required, values["CV retenus"]);
        Assert.Equal(network.CvSample.Rule, values["Règle appliquée"]);
        int candidates = network.CandidateCount; // 62 members with a file, plus the head (its own CléA numérique activity)
        decimal total = (candidates * 300m) + (network.Establishments.Count * 150m);
        Assert.Equal((double)total, values["Total estimé (€ HT)"]);
        Assert.Equal(
            string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"{candidates} candidats × 300 € HT + {network.Establishments.Count} sites × 150 € HT = {total:#,##0} € HT"),
            values["Calcul"]);
        Assert.Contains("Auvergne-Rhône-Alpes", (string)values["Régions concernées"]!, StringComparison.Ordinal);

        // Labels are French words: a code only ever appears in the last column, each text once.
        Assert.All(synthese.Rows, r => Assert.False(r[0] is string s && s.Contains('_', StringComparison.Ordinal), $"code as label: {r[0]}"));
        object?[] missing = Assert.Single(synthese.Rows, r => (string?)r.ElementAtOrDefault(2) == IssueCodes.MemberMissing);
        Assert.Equal("Membre sans fichier (avertissement)", missing[0]);
        string message = Assert.IsType<string>(missing[1]);
        Assert.Equal(message.IndexOf("Membre attendu 1", StringComparison.Ordinal), message.LastIndexOf("Membre attendu 1", StringComparison.Ordinal));
        Assert.All(synthese.Rows, r => Assert.False(r[1] is string v && r[0] is string l && v.StartsWith(l, StringComparison.Ordinal), $"doubled: {r[0]} | {r[1]}"));
    }

    [Fact]
    public void Gives_every_sheet_columns_that_fit_one_a4_landscape_page_wide_at_70_percent_or_more()
    {
        NetworkConsolidation network = Network62(out _);

        foreach (SheetSpec sheet in AnnexWriter.Sheets(network, GeneratedAt))
        {
            Assert.Equal(SheetPrint.Readable, sheet.Print);
            Assert.True(SpreadsheetWriter.FittingScale(sheet.Columns) >= SpreadsheetWriter.MinimumPrintScale, $"{sheet.Name}: {SpreadsheetWriter.FittingScale(sheet.Columns)} %");
        }
    }

    [Fact]
    public void Left_aligns_the_synthese_numbers_and_writes_a_real_date_cell()
    {
        NetworkConsolidation network = Network62(out _);

        string path = _writer.Write(network, _folder.Path, GeneratedAt);

        using var workbook = new XLWorkbook(path);
        IXLWorksheet synthese = workbook.Worksheet("Synthèse");
        IXLCell date = synthese.Column(1).CellsUsed().Single(c => c.GetString() == "Date de génération").CellRight();
        Assert.Equal(XLDataType.DateTime, date.DataType);
        foreach (IXLCell number in synthese.Column(2).CellsUsed().Where(c => c.DataType == XLDataType.Number))
        {
            Assert.Equal(XLAlignmentHorizontalValues.Left, number.Style.Alignment.Horizontal);
        }

        Assert.InRange(synthese.Column(2).Width, 40, 90);
    }

    [Fact]
    public void Leaves_members_with_blocking_errors_out_of_the_tables_and_lists_them()
    {
        List<Submission> members = TestNetwork.Members(8);
        Submission a = members[1];
        Submission b = members[5];
        string shared = a.Data!.Establishments[0].Siret!;
        members[5] = b with { Data = b.Data! with { Establishments = [.. b.Data.Establishments, b.Data.Establishments[0] with { Row = 40, Siret = shared }] } };
        NetworkConsolidation network = TestNetwork.Consolidate(members);

        string path = _writer.Write(network, _folder.Path, GeneratedAt);
        IReadOnlyList<ReadSheet> sheets = IndependentReader.Read(path);

        Assert.DoesNotContain(sheets.Sheet("1.4 Établissements").Rows.Skip(1), r => (string?)r[5] == a.Siren || (string?)r[5] == b.Siren);
        Assert.Equal(6, sheets.Sheet("4.3 Organismes du réseau").Rows.Count - 1);
        Assert.DoesNotContain(sheets.Sheet("4.3 Organismes du réseau").Rows, r => r[1] is string s && s.StartsWith(a.MemberName!, StringComparison.Ordinal));
        ReadSheet synthese = sheets.Sheet("Synthèse");
        Assert.Contains(synthese.Rows, r => r[0] is string s && s.StartsWith(a.MemberName!, StringComparison.Ordinal) && ((string)r[1]!).Contains(IssueCodes.SiretDuplicateNetwork, StringComparison.Ordinal));
        Assert.Contains(synthese.Rows, r => r[0] is string s && s.StartsWith(b.MemberName!, StringComparison.Ordinal));
        ReadSheet anomalies = sheets.Sheet("Anomalies");
        Assert.Equal(["Organisme", "SIREN", "Fichier", "Feuille", "Ligne", "Colonne", "Valeur", "Gravité", "Code", "Message"], anomalies.Rows[0].Take(10));
        Assert.Contains(anomalies.Rows, r => (string?)r[1] == b.Siren && (string?)r[8] == IssueCodes.SiretDuplicateNetwork && Equals(r[4], 40d) && (string?)r[6] == shared);
        Assert.Contains(anomalies.Rows, r => (string?)r[1] == a.Siren && (string?)r[8] == IssueCodes.SiretDuplicateNetwork);
    }

    [Fact]
    public void Says_when_the_annex_uses_an_older_version_because_the_latest_was_refused()
    {
        List<Submission> members = TestNetwork.Members(3);
        Submission refused = TestNetwork.Member(2, version: 2) with
        {
            Status = SubmissionStatus.Refused,
            Data = null,
            FileName = "membre-002-corrige.xlsx",
            Issues = [IssueCatalog.Create(IssueCodes.SiretChecksum, sheet: "Etablissements", row: 9, column: "SIRET")],
        };
        NetworkConsolidation network = TestNetwork.Consolidate([.. members, refused]);

        string path = _writer.Write(network, _folder.Path, GeneratedAt);
        IReadOnlyList<ReadSheet> sheets = IndependentReader.Read(path);

        Assert.Contains(sheets.Sheet("Synthèse").Rows, r => r[1] is string s && s.Contains("« membre-002-corrige.xlsx » (version 2) refusé", StringComparison.Ordinal));
        object?[] version = Assert.Single(sheets.Sheet("Versions").Rows, r => (string?)r[1] == refused.Siren);
        Assert.Equal("membre-002-v1.xlsx", version[2]);
        Assert.Equal(1d, version[3]);
        Assert.Contains("version antérieure utilisée", (string)version[7]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuilds_an_identical_annex_from_the_same_data()
    {
        NetworkConsolidation first = Network62(out List<Submission> members);
        List<Submission> shuffled = [.. members.OrderBy(m => m.Sha256, StringComparer.Ordinal)];
        NetworkConsolidation second = TestNetwork.Consolidate(shuffled, TestNetwork.Roster(members, TestNetwork.Siren(901)));
        string one = Path.Combine(_folder.Path, "a");
        string two = Path.Combine(_folder.Path, "b");

        string pathOne = _writer.Write(first, one, GeneratedAt);
        string pathTwo = _writer.Write(second, two, GeneratedAt);

        IReadOnlyList<ReadSheet> a = IndependentReader.Read(pathOne);
        IReadOnlyList<ReadSheet> b = IndependentReader.Read(pathTwo);
        Assert.Equal(a.Count, b.Count);
        for (int s = 0; s < a.Count; s++)
        {
            Assert.Equal(a[s].Name, b[s].Name);
            Assert.Equal(a[s].Rows.Count, b[s].Rows.Count);
            for (int r = 0; r < a[s].Rows.Count; r++)
            {
                Assert.Equal(a[s].Rows[r], b[s].Rows[r]);
            }
        }

        Assert.Equal(File.ReadAllBytes(pathOne), File.ReadAllBytes(pathTwo));
    }

    [Fact]
    public void Replaces_the_file_without_leaving_temporary_files()
    {
        NetworkConsolidation network = Network62(out _);

        _writer.Write(network, _folder.Path, GeneratedAt);
        string path = _writer.Write(network, _folder.Path, GeneratedAt);

        Assert.Equal([Path.GetFileName(path)], _folder.FileNames());
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp*", SearchOption.AllDirectories));
    }
}

public sealed class AnnexSchemaTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Writes_packages_that_the_open_xml_sdk_validator_accepts()
    {
        List<Submission> members = TestNetwork.Members(62);
        NetworkConsolidation network = TestNetwork.Consolidate(members, TestNetwork.Roster(members, TestNetwork.Siren(901)));
        string annex = new AnnexWriter(NullLogger<AnnexWriter>.Instance).Write(network, _folder.Path, DateTimeOffset.UnixEpoch);
        string status = new Export.Status.StatusWorkbookWriter(NullLogger<Export.Status.StatusWorkbookWriter>.Instance)
            .Write(network, _folder.Path, DateTimeOffset.UnixEpoch);

        foreach (string path in new[] { annex, status })
        {
            using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(path, isEditable: false);
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010)
                .Validate(document)
                .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
                .ToList();
            Assert.Empty(errors);
        }
    }
}
