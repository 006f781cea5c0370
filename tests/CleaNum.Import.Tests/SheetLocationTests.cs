using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using CleaNum.Import.Tests.Support;

namespace CleaNum.Import.Tests;

public sealed class SheetLocationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly object?[] EtablissementsHeader = ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville"];
    private static readonly object?[] EtablissementsRow = ["A", "73282932000074", "1 rue A", "73000", "Chambéry"];

    [Theory]
    [InlineData("1. Etablissements")]
    [InlineData("ÉTABLISSEMENTS")]
    [InlineData("Tableau 1.4")]
    [InlineData("Liste des établissements")]
    public void Does_find_a_sheet_by_a_variant_of_its_name(string name)
    {
        string path = new TestWorkbook().Table(name, 1, EtablissementsHeader, EtablissementsRow).Save(_folder);

        RawWorkbook raw = Readers.ReadMember(path);

        RawSheet? sheet = raw.Sheet(MemberWorkbookSchema.Keys.Etablissements);
        Assert.Equal(name, sheet?.SheetName);
        Assert.Single(sheet!.Records);
    }

    [Fact]
    public void Does_prefer_a_visible_copy_to_a_hidden_sheet_of_the_same_name()
    {
        string path = new TestWorkbook()
            .Sheet("Etablissements", sheet =>
            {
                TestWorkbook.WriteRows(sheet, 1, 1, EtablissementsHeader, ["Ancien site", "11111111111116", "1 rue B", "75001", "Paris"]);
                sheet.Visibility = ClosedXML.Excel.XLWorksheetVisibility.Hidden;
            })
            .Table("Etablissements (2)", 1, EtablissementsHeader, EtablissementsRow)
            .Save(_folder);

        RawWorkbook raw = Readers.ReadMember(path);

        RawSheet? sheet = raw.Sheet(MemberWorkbookSchema.Keys.Etablissements);
        Assert.Equal("Etablissements (2)", sheet?.SheetName);
        Assert.Equal("73282932000074", Assert.Single(sheet!.Records).Get(MemberWorkbookSchema.Est.Siret)?.Value);
    }

    [Fact]
    public void Does_find_a_renamed_sheet_by_its_content()
    {
        string path = new TestWorkbook()
            .Table("Feuil1", 1, ["Notes"], ["rien"])
            .Table("Feuil2", 2, EtablissementsHeader, EtablissementsRow)
            .Save(_folder);

        RawWorkbook raw = Readers.ReadMember(path);

        Assert.Equal("Feuil2", raw.Sheet(MemberWorkbookSchema.Keys.Etablissements)?.SheetName);
    }

    /// <summary>The template's help and lists sheets hold no member data: their cells are not read, so a table there is
    /// never taken for a missing sheet and a control character there is no warning; the same table under any other
    /// name is found by its content.</summary>
    [Theory]
    [InlineData("Instructions", false)]
    [InlineData("listes", false)]
    [InlineData("Consignes", true)]
    public void Does_not_read_the_template_help_and_lists_sheets(string name, bool read)
    {
        string path = new TestWorkbook()
            .Table(name, 1, EtablissementsHeader, EtablissementsRow, ["B\u0007", "73282932000074", "2 rue B", "73000", "Chambéry"])
            .Save(_folder);

        RawWorkbook raw = Readers.ReadMember(path);

        Assert.Equal(read ? name : null, raw.Sheet(MemberWorkbookSchema.Keys.Etablissements)?.SheetName);
        Assert.Equal(read, raw.Issues.Any(i => i.Code == IssueCodes.CellTextInvalid && i.Sheet == name));
        Assert.Equal(!read, raw.Issues.Any(i => i.Code == IssueCodes.SheetMissing && i.Sheet == "Etablissements"));
    }

    [Fact]
    public void Does_match_several_renamed_sheets_to_the_definitions_their_content_fits_best()
    {
        string path = new TestWorkbook()
            .Table("Feuil1", 1,
                ["Nom", "Prénom", "Rôle", "SIRET"],
                ["Durand", "Marie", "Évaluateur", "73282932000074"])
            .Table("Feuil2", 1, EtablissementsHeader, EtablissementsRow)
            .Save(_folder);

        RawWorkbook raw = Readers.ReadMember(path);

        Assert.Equal("Feuil1", raw.Sheet(MemberWorkbookSchema.Keys.Intervenants)?.SheetName);
        Assert.Equal("Feuil2", raw.Sheet(MemberWorkbookSchema.Keys.Etablissements)?.SheetName);
    }

    [Fact]
    public void Does_report_missing_required_sheets_as_errors_and_references_as_a_warning()
    {
        string path = new TestWorkbook().Table("Etablissements", 1, EtablissementsHeader, EtablissementsRow).Save(_folder);

        RawWorkbook raw = Readers.ReadMember(path);

        var missing = raw.Issues.Where(i => i.Code == IssueCodes.SheetMissing).ToDictionary(i => i.Sheet!, i => i.Severity);
        Assert.Equal(
            new Dictionary<string, Severity> { ["Organisme"] = Severity.Error, ["Intervenants"] = Severity.Error, ["References"] = Severity.Warning },
            missing);
        Assert.False(raw.IsUnreadable);
        Assert.All(raw.Issues, i => Assert.False(string.IsNullOrWhiteSpace(i.Hint)));
    }

    [Theory]
    [InlineData("Tete de reseau")]
    [InlineData("Tête de réseau")]
    public void Does_say_that_a_roster_read_as_a_member_file_belongs_at_the_root_of_the_data_folder(string headSheet)
    {
        string path = new TestWorkbook()
            .Sheet(headSheet, sheet => TestWorkbook.WriteRows(sheet, 1, 1, ["Raison sociale", "Réseau Formation Alpes"], ["SIREN", "732829320"]))
            .Table("Membres", 1, ["SIREN", "Raison sociale", "Lettre de mandat reçue"], ["732829320", "Membre 1", "Oui"])
            .Save(_folder, NetworkWorkbookSchema.FileName);

        RawWorkbook raw = Readers.ReadMember(path);

        Issue[] missing = [.. raw.Issues.Where(i => i.Code == IssueCodes.SheetMissing && i.Severity == Severity.Error)];
        Assert.Equal(["Organisme", "Etablissements", "Intervenants"], missing.Select(i => i.Sheet));
        Assert.All(missing, i => Assert.Contains("liste du réseau", i.Message, StringComparison.Ordinal));
        Assert.All(missing, i => Assert.Contains("« reseau.xlsx » à la racine du dossier de données", i.Hint, StringComparison.Ordinal));
    }

    [Fact]
    public void Does_not_take_a_member_file_with_a_membres_sheet_for_the_roster()
    {
        string path = new TestWorkbook()
            .Table("Membres", 1, ["SIREN", "Raison sociale"], ["732829320", "Membre 1"])
            .Table("Etablissements", 1, EtablissementsHeader, EtablissementsRow)
            .Save(_folder);

        RawWorkbook raw = Readers.ReadMember(path);

        Assert.Contains(raw.Issues, i => i.Code == IssueCodes.SheetMissing && i.Sheet == "Organisme");
        Assert.DoesNotContain(raw.Issues, i => i.Message.Contains("liste du réseau", StringComparison.Ordinal));
    }

    [Fact]
    public void Does_read_the_network_roster_with_the_network_schema()
    {
        string path = new TestWorkbook()
            .Sheet("Tête de réseau", sheet => TestWorkbook.WriteRows(sheet, 1, 1,
                ["Raison sociale", "Réseau Formation Alpes"],
                ["SIREN", "732829320"],
                ["Campagne", 2026]))
            .Table("Membres", 1,
                ["SIREN", "Raison sociale", "Lettre de mandat reçue", "Date du mandat"],
                ["732829320", "Membre 1", "Oui", new DateTime(2026, 1, 15)],
                ["552100554", "Membre 2", "Non", null])
            .Save(_folder, NetworkWorkbookSchema.FileName);

        RawWorkbook raw = Readers.Create().Read(path, NetworkWorkbookSchema.Sheets, CancellationToken.None);

        Assert.Empty(raw.Issues);
        Assert.Equal(2026d, raw.Sheet(NetworkWorkbookSchema.Keys.Head)?.Records[0].Get(NetworkWorkbookSchema.Head.Campaign)?.Value);
        RawSheet members = raw.Sheet(NetworkWorkbookSchema.Keys.Members)!;
        Assert.Equal(2, members.Records.Count);
        Assert.Equal(new DateTime(2026, 1, 15), members.Records[0].Get(NetworkWorkbookSchema.Member.MandateDate)?.Value);
    }
}
