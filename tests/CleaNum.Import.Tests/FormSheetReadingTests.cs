using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using CleaNum.Import.Tests.Support;
using Org = CleaNum.Core.Workbook.MemberWorkbookSchema.Org;

namespace CleaNum.Import.Tests;

public sealed class FormSheetReadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private RawSheet ReadOrganisme(TestWorkbook workbook, out RawWorkbook raw)
    {
        raw = Readers.ReadMember(workbook.Save(_folder));
        return Assert.IsType<RawSheet>(raw.Sheet(MemberWorkbookSchema.Keys.Organisme));
    }

    [Fact]
    public void Does_read_labels_in_column_B_with_values_in_column_D()
    {
        var workbook = new TestWorkbook().Sheet("Organisme", sheet => TestWorkbook.WriteRows(sheet, 3, 2,
            ["Fiche d'identification de l'organisme"],
            [],
            ["Raison sociale :", null, "Formation Conseil Savoie"],
            ["N° SIREN (9 chiffres)", null, 732829320d],
            ["Code APE", null, "8559A"]));

        RawSheet sheet = ReadOrganisme(workbook, out _);

        RawRecord record = Assert.Single(sheet.Records);
        Cell? name = record.Get(Org.Name);
        Assert.Equal("Formation Conseil Savoie", name?.Value);
        Assert.Equal("D5", name?.Address);
        Assert.Equal(732829320d, record.Get(Org.Siren)?.Value);
        Assert.Equal(6, record.Get(Org.Siren)?.Row);
        Assert.Equal("8559A", record.Get(Org.Naf)?.Value);
        Assert.Equal(1, sheet.FieldColumns[Org.Name]);
    }

    [Fact]
    public void Does_read_labels_with_outline_numbers()
    {
        var workbook = new TestWorkbook().Sheet("Organisme", sheet => TestWorkbook.WriteRows(sheet, 1, 1,
            ["1. Identification"],
            ["1.1 Raison sociale", "Formation Conseil Savoie"],
            ["1.2 - SIREN", "732829320"],
            ["3) Ville", "Chambéry"],
            ["12 rue de la Gare", "Adresse postale"]));

        RawSheet sheet = ReadOrganisme(workbook, out _);

        RawRecord record = Assert.Single(sheet.Records);
        Assert.Equal("Formation Conseil Savoie", record.Get(Org.Name)?.Value);
        Assert.Equal("732829320", record.Get(Org.Siren)?.Value);
        Assert.Equal("Chambéry", record.Get(Org.City)?.Value);
        Assert.Equal(5, record.Get(Org.Address)?.Row);
        Assert.Equal(1, sheet.FieldColumns[Org.Address]);
    }

    [Fact]
    public void Does_not_take_the_help_column_as_the_answer_when_the_answer_is_empty()
    {
        var workbook = new TestWorkbook().Sheet("Organisme", sheet => TestWorkbook.WriteRows(sheet, 1, 1,
            ["Information demandée", "Votre réponse", "Aide / format attendu"],
            ["Raison sociale *", "Formation Conseil Savoie", "Nom exact, tel qu'au répertoire Sirene."],
            ["Courriel facturation", null, "Facultatif. Adresse électronique, ex. contact@organisme.fr."],
            ["Site web", null, "Facultatif. ex. www.organisme.fr"]));

        RawRecord record = Assert.Single(ReadOrganisme(workbook, out _).Records);

        Assert.Equal("Formation Conseil Savoie", record.Get(Org.Name)?.Value);
        Assert.Null(record.Get(Org.BillingEmail)?.Value);
        Assert.Equal("B3", record.Get(Org.BillingEmail)?.Address);
        Assert.Null(record.Get(Org.Website)?.Value);
    }

    [Fact]
    public void Does_use_the_column_most_answers_are_in_when_there_is_no_answer_header()
    {
        var workbook = new TestWorkbook().Sheet("Organisme", sheet => TestWorkbook.WriteRows(sheet, 1, 1,
            ["Raison sociale", null, "Formation Conseil Savoie", "aide"],
            ["SIREN", null, "732829320", "9 chiffres"],
            ["Site web", null, null, "Facultatif"]));

        RawRecord record = Assert.Single(ReadOrganisme(workbook, out _).Records);

        Assert.Equal("732829320", record.Get(Org.Siren)?.Value);
        Assert.Null(record.Get(Org.Website)?.Value);
        Assert.Equal("C3", record.Get(Org.Website)?.Address);
    }

    [Fact]
    public void Does_leave_the_value_empty_when_the_next_cell_is_another_label()
    {
        var workbook = new TestWorkbook().Sheet("Organisme", sheet => TestWorkbook.WriteRows(sheet, 1, 1,
            ["Raison sociale", "Formation Conseil Savoie", "SIREN", null],
            ["Ville", null, "Code postal", "73000"],
            ["Site web"]));

        RawRecord record = Assert.Single(ReadOrganisme(workbook, out _).Records);

        Assert.Equal("Formation Conseil Savoie", record.Get(Org.Name)?.Value);
        Assert.Null(record.Get(Org.Siren)?.Value);
        Assert.Null(record.Get(Org.City)?.Value);
        Assert.Equal("B2", record.Get(Org.City)?.Address);
        Assert.Equal("73000", record.Get(Org.PostalCode)?.Value);
        Assert.Null(record.Get(Org.Website)?.Value);
    }

    [Fact]
    public void Does_read_values_below_a_row_of_labels()
    {
        var workbook = new TestWorkbook().Sheet("Organisme", sheet => TestWorkbook.WriteRows(sheet, 1, 1,
            ["Raison sociale", "SIREN", "Code NAF"],
            ["Formation Conseil Savoie", "732829320", "85.59A"]));

        RawRecord record = Assert.Single(ReadOrganisme(workbook, out _).Records);

        Assert.Equal("A2", record.Get(Org.Name)?.Address);
        Assert.Equal("732829320", record.Get(Org.Siren)?.Value);
        Assert.Equal("85.59A", record.Get(Org.Naf)?.Value);
    }

    [Fact]
    public void Does_tell_a_billing_email_from_the_contact_email()
    {
        var workbook = new TestWorkbook().Sheet("Organisme", sheet => TestWorkbook.WriteRows(sheet, 1, 1,
            ["Courriel facturation", "compta@example.fr"],
            ["Courriel", "contact@example.fr"]));

        RawRecord record = Assert.Single(ReadOrganisme(workbook, out _).Records);

        Assert.Equal("contact@example.fr", record.Get(Org.ContactEmail)?.Value);
        Assert.Equal("compta@example.fr", record.Get(Org.BillingEmail)?.Value);
    }

    [Fact]
    public void Does_report_missing_required_labels()
    {
        var workbook = new TestWorkbook().Sheet("Organisme", sheet => TestWorkbook.WriteRows(sheet, 1, 1,
            ["Raison sociale", "Formation Conseil Savoie"]));

        ReadOrganisme(workbook, out RawWorkbook raw);

        var missing = raw.Issues.Where(i => i.Code == IssueCodes.ColumnMissing && i.Sheet == "Organisme").Select(i => i.Column).ToList();
        Assert.Contains("SIREN", missing);
        Assert.Contains("Code NAF", missing);
        Assert.DoesNotContain("Raison sociale", missing);
        Assert.DoesNotContain("Site web", missing);
    }
}
