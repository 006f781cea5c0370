using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using CleaNum.Import.Tests.Support;
using ClosedXML.Excel;
using Est = CleaNum.Core.Workbook.MemberWorkbookSchema.Est;

namespace CleaNum.Import.Tests;

public sealed class TableSheetReadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private RawSheet ReadEtablissements(TestWorkbook workbook, out RawWorkbook raw)
    {
        raw = Readers.ReadMember(workbook.Save(_folder));
        return Assert.IsType<RawSheet>(raw.Sheet(MemberWorkbookSchema.Keys.Etablissements));
    }

    private static TestWorkbook WithEtablissements(int firstRow, params object?[][] rows) =>
        new TestWorkbook().Table("Etablissements", firstRow, rows);

    [Fact]
    public void Does_locate_header_under_title_rows()
    {
        var workbook = new TestWorkbook().Table("Etablissements", 1,
            ["Demande d'habilitation CléA numérique"],
            ["Tableau 1.4 – Établissements concernés"],
            [],
            ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville", "Région"],
            ["Site de Chambéry", "73282932000074", "1 rue A", "73000", "Chambéry", null]);

        RawSheet sheet = ReadEtablissements(workbook, out RawWorkbook raw);

        Assert.Equal(4, sheet.HeaderRow);
        RawRecord record = Assert.Single(sheet.Records);
        Assert.Equal(5, record.Row);
        Assert.Equal("73282932000074", record.Get(Est.Siret)?.Value);
        Assert.DoesNotContain(raw.Issues, i => i.Sheet == "Etablissements");
    }

    [Fact]
    public void Does_skip_the_template_example_row_above_the_first_record_only()
    {
        var workbook = WithEtablissements(1,
            ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville", "Région"],
            ["Exemple : Organisme de formation — siège", "73282932000074", "1 rue de l'Exemple", "69003", "Lyon", null],
            ["Site de Chambéry", "73282932000074", "1 rue A", "73000", "Chambéry", null],
            ["Exemple : un second site", "73282932000074", "2 rue B", "73000", "Chambéry", null]);

        RawSheet sheet = ReadEtablissements(workbook, out _);

        Assert.Equal([3, 4], sheet.Records.Select(r => r.Row));
    }

    [Fact]
    public void Does_never_take_what_is_left_of_the_example_line_for_the_member_s_values()
    {
        // The member typed over the first cells of the template's example line and left the last ones.
        var workbook = WithEtablissements(1,
            ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville", "Région"],
            ["Site de Chambéry", "73282932000074", "1 rue A", "Ex. : 69002", "Ex. : Lyon", "Ex. : Auvergne-Rhône-Alpes"],
            ["Site d'Annecy", "73282932000082", "2 rue B", "74000", "Annecy", null]);

        RawSheet sheet = ReadEtablissements(workbook, out _);

        Assert.Equal([2, 3], sheet.Records.Select(r => r.Row));
        RawRecord first = sheet.Records[0];
        Assert.Equal("Site de Chambéry", first.Get(Est.Name)?.Value);
        Assert.Null(first.Get(Est.PostalCode)?.Value);
        Assert.Null(first.Get(Est.City)?.Value);
        Assert.Null(first.Get(Est.Region)?.Value);
        Assert.Equal("Annecy", sheet.Records[1].Get(Est.City)?.Value);
    }

    [Fact]
    public void Does_skip_note_and_total_lines_but_keeps_a_row_with_its_name_only()
    {
        var workbook = WithEtablissements(1,
            ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville", "Région"],
            ["Site de Chambéry", "73282932000074", "1 rue A", "73000", "Chambéry", null],
            ["Site d'Annecy"],
            [],
            ["Total : 2 établissements"],
            ["TOTAL", 2],
            ["* La région est déduite du code postal"],
            ["NB : le siège n'a pas d'activité CléA"]);

        RawSheet sheet = ReadEtablissements(workbook, out _);

        Assert.Equal([2, 3], sheet.Records.Select(r => r.Row));
    }

    [Fact]
    public void Does_skip_a_line_of_format_hints_under_the_header_but_not_a_later_row()
    {
        var workbook = WithEtablissements(1,
            ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville", "Région"],
            ["Texte", "14 chiffres", "Texte libre", "5 chiffres", "Texte", "Facultatif : déduite du code postal"],
            ["Site de Chambéry", "73282932000074", "1 rue A", "73000", "Chambéry", null],
            ["Texte", "14 chiffres"]);

        RawSheet sheet = ReadEtablissements(workbook, out _);

        Assert.Equal([3, 4], sheet.Records.Select(r => r.Row));
    }

    [Fact]
    public void Does_match_upper_case_headers_without_accents_synonyms_and_hint_suffixes()
    {
        var workbook = WithEtablissements(1,
            ["NOM DE L'ETABLISSEMENT", "N° SIRET (14 chiffres, sans espaces)", "ADRESSE POSTALE", "CP", "Commune de l'établissement", "REGION"],
            ["Site", "73282932000074", "1 rue A", "73000", "Chambéry", "Auvergne-Rhône-Alpes"]);

        RawSheet sheet = ReadEtablissements(workbook, out RawWorkbook raw);

        Assert.Equal(
            new Dictionary<string, int> { [Est.Name] = 0, [Est.Siret] = 1, [Est.Address] = 2, [Est.PostalCode] = 3, [Est.City] = 4, [Est.Region] = 5 },
            sheet.FieldColumns);
        Assert.Equal("Chambéry", Assert.Single(sheet.Records).Get(Est.City)?.Value);
        Assert.DoesNotContain(raw.Issues, i => i.Code == IssueCodes.ColumnMissing);
    }

    [Fact]
    public void Does_read_shuffled_column_order_by_label()
    {
        var workbook = WithEtablissements(1,
            ["Ville", "Code postal", "SIRET", "Raison sociale", "Adresse"],
            ["Annecy", "74000", "73282932000074", "Site d'Annecy", "2 quai B"]);

        RawRecord record = Assert.Single(ReadEtablissements(workbook, out _).Records);

        Assert.Equal("Annecy", record.Get(Est.City)?.Value);
        Assert.Equal("74000", record.Get(Est.PostalCode)?.Value);
        Assert.Equal("Site d'Annecy", record.Get(Est.Name)?.Value);
        Assert.Equal(2, record.Get(Est.Siret)?.Column);
    }

    [Fact]
    public void Does_skip_blank_rows_between_data_and_keep_excel_row_numbers()
    {
        var workbook = WithEtablissements(2,
            ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville"],
            ["A", "73282932000074", "1 rue A", "73000", "Chambéry"],
            [],
            [],
            ["B", "73282932000082", "2 rue B", "73100", "Aix-les-Bains"],
            [null, "   ", null, null, null],
            ["C", "73282932000090", "3 rue C", "73200", "Albertville"]);

        RawSheet sheet = ReadEtablissements(workbook, out _);

        Assert.Equal([3, 6, 8], sheet.Records.Select(r => r.Row));
        Assert.Equal(6, sheet.Records[1].Get(Est.Siret)?.Row);
        Assert.Equal("B8", sheet.Records[2].Get(Est.Siret)?.Address);
    }

    [Fact]
    public void Does_skip_trailing_blank_rows_down_to_the_last_excel_row()
    {
        var workbook = new TestWorkbook().Sheet("Etablissements", sheet =>
        {
            TestWorkbook.WriteRows(sheet, 1, 1,
                ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville"],
                ["A", "73282932000074", "1 rue A", "73000", "Chambéry"]);
            sheet.Cell(1_048_576, 1).Value = " ";
            sheet.Cell(1_048_576, 1).Style.Fill.BackgroundColor = XLColor.Yellow;
        });

        RawSheet sheet = ReadEtablissements(workbook, out RawWorkbook raw);

        Assert.Equal(2, Assert.Single(sheet.Records).Row);
        Assert.DoesNotContain(raw.Issues, i => i.Code.StartsWith("FILE_", StringComparison.Ordinal));
    }

    [Fact]
    public void Does_read_a_numeric_siret_as_the_exact_double_with_its_number_format()
    {
        var workbook = new TestWorkbook().Sheet("Etablissements", sheet =>
        {
            TestWorkbook.WriteRows(sheet, 1, 1,
                ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville"],
                ["A", 73282932000074d, "1 rue A", 1000d, "Bourg-en-Bresse"]);
            sheet.Cell(2, 2).Style.NumberFormat.Format = "0";
        });

        RawRecord record = Assert.Single(ReadEtablissements(workbook, out _).Records);

        Assert.Equal(73282932000074d, Assert.IsType<double>(record.Get(Est.Siret)?.Value));
        Assert.Equal("0", record.Get(Est.Siret)?.NumberFormat);
        Assert.Equal(1000d, record.Get(Est.PostalCode)?.Value);
    }

    [Fact]
    public void Does_propagate_a_merged_value_to_the_rows_it_covers()
    {
        var workbook = new TestWorkbook().Sheet("Etablissements", sheet =>
        {
            TestWorkbook.WriteRows(sheet, 1, 1,
                ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville"],
                ["Groupe Savoie", "73282932000074", "1 rue A", "73000", "Chambéry"],
                [null, "73282932000082", "2 rue B", "73100", "Aix-les-Bains"]);
            sheet.Range("A2:A3").Merge();
        });

        RawSheet sheet = ReadEtablissements(workbook, out _);

        Assert.Equal(2, sheet.Records.Count);
        Assert.Equal("Groupe Savoie", sheet.Records[1].Get(Est.Name)?.Value);
        Assert.Equal(3, sheet.Records[1].Get(Est.Name)?.Row);
    }

    [Fact]
    public void Does_read_the_cached_value_of_formulas()
    {
        var workbook = new TestWorkbook().Sheet("Etablissements", sheet =>
        {
            TestWorkbook.WriteRows(sheet, 1, 1,
                ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville"],
                [null, "73282932000074", "1 rue A", "73000", "Chambéry"]);
            sheet.Cell(2, 1).FormulaA1 = "\"Site \"&E2";
        });

        RawRecord record = Assert.Single(ReadEtablissements(workbook, out _).Records);

        Assert.Equal("Site Chambéry", record.Get(Est.Name)?.Value);
    }

    [Fact]
    public void Does_skip_a_repeated_header_row_and_a_hint_row()
    {
        var workbook = WithEtablissements(1,
            ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville"],
            [null, "14 chiffres", null, "5 chiffres", null],
            ["A", "73282932000074", "1 rue A", "73000", "Chambéry"],
            ["RAISON SOCIALE", "SIRET", "Adresse", "Code postal", "Ville"],
            ["B", "73282932000082", "2 rue B", "73100", "Aix-les-Bains"]);

        RawSheet sheet = ReadEtablissements(workbook, out _);

        Assert.Equal([3, 5], sheet.Records.Select(r => r.Row));
    }

    [Fact]
    public void Does_report_a_missing_required_column_at_the_header_row()
    {
        var workbook = WithEtablissements(3,
            ["Raison sociale", "Adresse", "Code postal", "Ville"],
            ["A", "1 rue A", "73000", "Chambéry"]);

        RawSheet sheet = ReadEtablissements(workbook, out RawWorkbook raw);

        Issue issue = Assert.Single(raw.Issues, i => i.Code == IssueCodes.ColumnMissing);
        Assert.Equal(Severity.Error, issue.Severity);
        Assert.Equal("Etablissements", issue.Sheet);
        Assert.Equal(3, issue.Row);
        Assert.Equal("SIRET", issue.Column);
        Assert.Contains("SIRET", issue.Message, StringComparison.Ordinal);
        Assert.False(sheet.FieldColumns.ContainsKey(Est.Siret));
        Assert.Single(sheet.Records);
    }

    [Fact]
    public void Does_report_every_required_column_when_no_header_row_is_found()
    {
        var workbook = WithEtablissements(1, ["rien à voir"], ["toujours rien"]);

        RawSheet sheet = ReadEtablissements(workbook, out RawWorkbook raw);

        Assert.Equal(0, sheet.HeaderRow);
        Assert.Empty(sheet.Records);
        Assert.Equal(5, raw.Issues.Count(i => i.Code == IssueCodes.ColumnMissing && i.Sheet == "Etablissements" && i.Row is null));
    }

    [Fact]
    public void Does_read_every_record_of_a_complete_member_workbook()
    {
        RawWorkbook raw = Readers.ReadMember(TestWorkbook.Member(establishments: 5, people: 6, references: 3).Save(_folder));

        Assert.Empty(raw.Issues);
        Assert.Equal(5, raw.Sheet(MemberWorkbookSchema.Keys.Etablissements)?.Records.Count);
        Assert.Equal(6, raw.Sheet(MemberWorkbookSchema.Keys.Intervenants)?.Records.Count);
        Assert.Equal(3, raw.Sheet(MemberWorkbookSchema.Keys.References)?.Records.Count);
        Assert.Equal(2024d, raw.Sheet(MemberWorkbookSchema.Keys.References)?.Records[0].Get(MemberWorkbookSchema.Ref.Year)?.Value);
    }
}
