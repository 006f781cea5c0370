using System.IO.Compression;
using System.Xml.Linq;
using CleaNum.Core.Geography;
using CleaNum.Core.Workbook;
using CleaNum.Export.Template;
using ClosedXML.Excel;

namespace CleaNum.Export.Tests;

public sealed class MemberTemplateWriterTests(TemplateFixture template) : IClassFixture<TemplateFixture>
{
    private static readonly string[] ExpectedSheets =
        ["Instructions", "Organisme", "Etablissements", "Intervenants", "References", "Activite", MemberWorkbookSchema.ListsSheetName];

    private static IEnumerable<SheetDefinition> Tables =>
        MemberWorkbookSchema.Sheets.Where(s => s.Layout == SheetLayout.Table);

    [Fact]
    public void Does_write_sheets_in_order_with_only_the_lists_hidden()
    {
        IReadOnlyList<ReadSheet> sheets = IndependentReader.Read(template.Path);

        Assert.Equal(ExpectedSheets, sheets.Select(s => s.Name));
        Assert.Equal("hidden", sheets.Sheet(MemberWorkbookSchema.ListsSheetName).VisibleState);
        Assert.All(sheets.Where(s => s.Name != MemberWorkbookSchema.ListsSheetName), s => Assert.Equal("visible", s.VisibleState));
        using var workbook = new XLWorkbook(template.Path);
        Assert.Equal(XLWorksheetVisibility.Hidden, workbook.Worksheet(MemberWorkbookSchema.ListsSheetName).Visibility);
        Assert.True(workbook.Worksheet("Instructions").TabActive);
    }

    [Fact]
    public void Does_leave_only_the_template_in_the_folder()
    {
        Assert.Equal(["modele-cleanum.xlsx"], template.FolderFiles);
    }

    [Fact]
    public void Does_label_every_form_field_in_column_a_with_required_ones_marked()
    {
        ReadSheet sheet = IndependentReader.Read(template.Path).Sheet("Organisme");

        var labels = sheet.Rows.Select(r => r.Length > 0 ? r[0] as string : null).ToList();
        foreach (FieldDefinition field in MemberWorkbookSchema.Organisme.Fields)
        {
            string expected = field.Required ? field.Label + " *" : field.Label;
            int index = labels.IndexOf(expected);
            Assert.True(index >= 0, $"label '{expected}' missing from Organisme");
            Assert.Equal(LabelText.Normalize(field.Label), LabelText.Normalize(labels[index]));
            Assert.False(string.IsNullOrWhiteSpace(sheet.Value(index + 1, 3) as string), $"no hint for '{field.Label}'");
        }
    }

    [Fact]
    public void Does_write_every_table_label_as_a_header_in_schema_order()
    {
        IReadOnlyList<ReadSheet> sheets = IndependentReader.Read(template.Path);

        foreach (SheetDefinition definition in Tables)
        {
            object?[] header = sheets.Sheet(definition.Name).Rows[0];
            Assert.Equal(
                definition.Fields.Select(f => LabelText.Normalize(f.Label)),
                header.Take(definition.Fields.Count).Select(h => LabelText.Normalize(h as string)));
        }
    }

    [Fact]
    public void Does_stamp_the_template_version_on_the_hidden_list_sheet()
    {
        ReadSheet lists = IndependentReader.Read(template.Path).Sheet(MemberWorkbookSchema.ListsSheetName);

        object?[] stamp = lists.Rows.Single(r => r.Length > 1 && (r[0] as string) == "Version du modèle");
        Assert.Equal(MemberWorkbookSchema.TemplateVersion, stamp[1]);
        var column = lists.Rows.Select(r => r[0] as string).ToList();
        Assert.All(FrenchGeography.Regions, region => Assert.Contains(region.Name, column));
    }

    [Fact]
    public void Does_freeze_the_header_row_of_every_data_sheet()
    {
        using var workbook = new XLWorkbook(template.Path);

        foreach (SheetDefinition definition in MemberWorkbookSchema.Sheets)
        {
            Assert.Equal(1, workbook.Worksheet(definition.Name).SheetView.SplitRow);
        }

        // Independent check on the package itself: a frozen pane below row 1.
        foreach (XDocument sheetXml in SheetXmls(template.Path, MemberWorkbookSchema.Sheets.Select(s => s.Name)))
        {
            XElement pane = sheetXml.Descendants(Main + "pane").Single();
            Assert.StartsWith("frozen", (string?)pane.Attribute("state"), StringComparison.Ordinal); // frozen or frozenSplit
            Assert.Equal("1", (string?)pane.Attribute("ySplit"));
        }
    }

    [Fact]
    public void Does_format_identifier_and_postal_code_columns_as_text()
    {
        IReadOnlyList<ReadSheet> sheets = IndependentReader.Read(template.Path);

        // The body's format is the column's style (<col style>), not empty formatted cells. Independent check on the
        // package: each identifier column's <col style> is the text format (built-in 49 or a custom « @ »).
        XDocument styles = LoadPart(template.Path, "xl/styles.xml");
        var cellFormats = styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ToList();
        var tables = Tables.ToList();
        var tableXmls = SheetXmls(template.Path, tables.Select(t => t.Name)).ToList();
        for (int t = 0; t < tables.Count; t++)
        {
            for (int c = 0; c < tables[t].Fields.Count; c++)
            {
                if (tables[t].Fields[c].Format is FieldFormat.Siret or FieldFormat.PostalCode)
                {
                    int column = c + 1;
                    XElement col = tableXmls[t].Descendants(Main + "col")
                        .Single(x => (int)x.Attribute("min")! <= column && column <= (int)x.Attribute("max")!);
                    string id = (string)cellFormats[(int)col.Attribute("style")!].Attribute("numFmtId")!;
                    string? code = id == "49" ? "@" : (string?)styles.Descendants(Main + "numFmt")
                        .SingleOrDefault(f => (string?)f.Attribute("numFmtId") == id)?.Attribute("formatCode");
                    Assert.Equal("@", code);
                }
            }
        }

        using var workbook = new XLWorkbook(template.Path);
        foreach (SheetDefinition definition in Tables)
        {
            for (int c = 0; c < definition.Fields.Count; c++)
            {
                if (definition.Fields[c].Format is FieldFormat.Siret or FieldFormat.PostalCode)
                {
                    foreach (int row in new[] { 2, TemplateFixture.RowCount + 1, 5000 })
                    {
                        Assert.Equal("@", workbook.Worksheet(definition.Name).Cell(row, c + 1).Style.NumberFormat.Format);
                    }
                }
            }
        }

        ReadSheet organisme = sheets.Sheet("Organisme");
        foreach (FieldDefinition field in MemberWorkbookSchema.Organisme.Fields.Where(f =>
                     f.Format is FieldFormat.Siren or FieldFormat.PostalCode or FieldFormat.Nda or FieldFormat.Phone))
        {
            Assert.Equal("@", organisme.Format(FormRow(organisme, field), 2));
        }

        FieldDefinition creation = MemberWorkbookSchema.Organisme.Field(MemberWorkbookSchema.Org.CreationDate);
        Assert.Equal("dd/mm/yyyy", organisme.Format(FormRow(organisme, creation), 2));
    }

    [Fact]
    public void Does_write_only_the_header_and_one_greyed_example_line_per_table()
    {
        IReadOnlyList<ReadSheet> sheets = IndependentReader.Read(template.Path);

        foreach (SheetDefinition definition in Tables)
        {
            ReadSheet sheet = sheets.Sheet(definition.Name);
            Assert.Equal(2, sheet.Rows.Count);
            object?[] example = sheet.Rows[1];
            Assert.StartsWith("Exemple : ", Assert.IsType<string>(example[0]), StringComparison.Ordinal);
            Assert.All(example.Skip(1).Where(v => v is not null), v => Assert.StartsWith("Ex. : ", Assert.IsType<string>(v), StringComparison.Ordinal));
            Assert.True(example.Count(v => v is not null) >= definition.Fields.Count(f => f.Required), definition.Name);
        }

        foreach (XDocument sheetXml in SheetXmls(template.Path, Tables.Select(t => t.Name)))
        {
            Assert.Equal(["1", "2"], sheetXml.Descendants(Main + "row").Select(r => (string?)r.Attribute("r")));
        }

        using var workbook = new XLWorkbook(template.Path);
        foreach (SheetDefinition definition in Tables)
        {
            IXLCell first = workbook.Worksheet(definition.Name).Cell(2, 1);
            Assert.True(first.Style.Font.Italic, definition.Name);
            Assert.Equal(XLColor.FromHtml("#808080"), first.Style.Font.FontColor);
        }
    }

    [Fact]
    public void Does_say_each_thing_once_in_every_header_help()
    {
        foreach (FieldDefinition field in MemberWorkbookSchema.Sheets.SelectMany(s => s.Fields))
        {
            string help = MemberTemplateWriter.HintText(field);
            string[] words = [.. help.ToLowerInvariant().Split([' ', '.', ',', ':', ';', '(', ')'], StringSplitOptions.RemoveEmptyEntries)];
            string[] repeated = [.. words.Zip(words.Skip(1), (a, b) => a + " " + b)
                .Where(pair => pair.Any(char.IsLetterOrDigit))
                .GroupBy(pair => pair, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)];
            Assert.True(repeated.Length == 0, $"{field.Label}: « {help} » repeats {string.Join(", ", repeated)}");
            Assert.True(words.Count(w => w is "obligatoire" or "facultatif") <= 1, help);
        }
    }

    [Fact]
    public void Does_offer_drop_downs_fed_by_the_lists_sheet()
    {
        using var workbook = new XLWorkbook(template.Path);

        IXLWorksheet organisme = workbook.Worksheet("Organisme");
        foreach (FieldDefinition field in MemberWorkbookSchema.Organisme.Fields)
        {
            IXLCell value = organisme.Cell(FormRow(organisme, field), 2);
            switch (field.Format)
            {
                case FieldFormat.Region or FieldFormat.YesNo:
                    AssertList(value);
                    break;
                case FieldFormat.Count:
                    Assert.True(value.HasDataValidation, field.Label);
                    Assert.Equal(XLAllowedValues.WholeNumber, value.DataValidation.AllowedValues);
                    Assert.Equal("0", value.DataValidation.MinValue);
                    break;
                default:
                    break;
            }
        }

        foreach (SheetDefinition definition in Tables)
        {
            IXLWorksheet sheet = workbook.Worksheet(definition.Name);
            for (int c = 0; c < definition.Fields.Count; c++)
            {
                FieldFormat format = definition.Fields[c].Format;
                foreach (int row in new[] { 2, TemplateFixture.RowCount + 1 })
                {
                    if (format is FieldFormat.Region or FieldFormat.Role || (definition.Fields[c].Key == MemberWorkbookSchema.Person.Status && definition == MemberWorkbookSchema.Intervenants))
                    {
                        AssertList(sheet.Cell(row, c + 1));
                    }
                    else if (format == FieldFormat.Year)
                    {
                        IXLDataValidation validation = sheet.Cell(row, c + 1).DataValidation;
                        Assert.Equal(XLAllowedValues.WholeNumber, validation.AllowedValues);
                        Assert.Equal("1990", validation.MinValue);
                        Assert.Equal("2100", validation.MaxValue);
                    }
                }
            }
        }

        // Domains accept "1;2;4": no list that would question it, only the help when the cell is selected.
        IXLWorksheet intervenants = workbook.Worksheet("Intervenants");
        int domains = MemberWorkbookSchema.Intervenants.Fields.ToList()
            .FindIndex(f => f.Format == FieldFormat.Domains) + 1;
        IXLDataValidation domainHelp = intervenants.Cell(3, domains).DataValidation;
        Assert.Equal(XLAllowedValues.AnyValue, domainHelp.AllowedValues);
        Assert.True(domainHelp.ShowInputMessage);
        Assert.Contains("1;2;4", domainHelp.InputMessage, StringComparison.Ordinal);
        Assert.Contains("1;2;4", intervenants.Cell(1, domains).Comment.Text, StringComparison.Ordinal);

        // Statut: the five values of rules.md, another one only questioned (the reader warns on it).
        int status = MemberWorkbookSchema.Intervenants.Fields.ToList().FindIndex(f => f.Key == MemberWorkbookSchema.Person.Status) + 1;
        Assert.Equal(XLErrorStyle.Information, intervenants.Cell(3, status).DataValidation.ErrorStyle);
        IXLWorksheet lists = workbook.Worksheet(MemberWorkbookSchema.ListsSheetName);
        Assert.Equal(MemberWorkbookSchema.IntervenantStatuses,
            lists.Column(6).CellsUsed().Skip(1).Select(c => c.GetString()));

        // Independent check: the package holds list validations pointing at the Listes sheet.
        foreach (XDocument sheetXml in SheetXmls(template.Path, ["Organisme", "Etablissements", "Intervenants"]))
        {
            Assert.Contains(sheetXml.Descendants(Main + "dataValidation"), v =>
                (string?)v.Attribute("type") == "list"
                && (v.Element(Main + "formula1")?.Value ?? "").Contains(MemberWorkbookSchema.ListsSheetName, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Does_set_every_used_column_width_explicitly()
    {
        IReadOnlyList<ReadSheet> sheets = IndependentReader.Read(template.Path);
        using var workbook = new XLWorkbook(template.Path);

        foreach (ReadSheet sheet in sheets)
        {
            int used = workbook.Worksheet(sheet.Name).LastColumnUsed().ColumnNumber();
            for (int c = 0; c < used; c++)
            {
                Assert.True(sheet.ColumnWidths[c] > 9, $"{sheet.Name} column {c + 1}: width {sheet.ColumnWidths[c]}");
            }
        }

        foreach (XDocument sheetXml in SheetXmls(template.Path, ExpectedSheets))
        {
            var cols = sheetXml.Descendants(Main + "col").ToList();
            Assert.NotEmpty(cols);
            Assert.All(cols, col => Assert.Equal("1", (string?)col.Attribute("customWidth")));
        }
    }

    [Fact]
    public void Does_explain_formats_and_blocking_rules_in_french_instructions()
    {
        ReadSheet instructions = IndependentReader.Read(template.Path).Sheet("Instructions");

        string text = string.Join("\n", instructions.Rows.Select(r => r[0] as string));
        Assert.Contains("14 chiffres", text, StringComparison.Ordinal);
        Assert.Contains("5 chiffres", text, StringComparison.Ordinal);
        Assert.Contains("jj/mm/aaaa", text, StringComparison.Ordinal);
        Assert.Contains("commencer par le SIREN", text, StringComparison.Ordinal);
        Assert.Contains("un CV d'évaluateur", text, StringComparison.Ordinal);
        Assert.Contains("Ne renommez pas les onglets ni les en-têtes", text, StringComparison.Ordinal);
        Assert.Contains("Appliquer les règles et bonnes pratiques de la sécurité numérique", text, StringComparison.Ordinal);
        Assert.Contains(MemberWorkbookSchema.TemplateVersion, text, StringComparison.Ordinal);
    }

    private static int FormRow(ReadSheet sheet, FieldDefinition field) =>
        sheet.Rows.ToList().FindIndex(r => r.Length > 0 && LabelText.Normalize(r[0] as string) == LabelText.Normalize(field.Label)) + 1;

    private static int FormRow(IXLWorksheet sheet, FieldDefinition field) =>
        sheet.Column(1).CellsUsed().First(c => LabelText.Normalize(c.GetString()) == LabelText.Normalize(field.Label)).Address.RowNumber;

    private static void AssertList(IXLCell cell)
    {
        Assert.True(cell.HasDataValidation, $"{cell.Worksheet.Name}!{cell.Address}: no validation");
        Assert.Equal(XLAllowedValues.List, cell.DataValidation.AllowedValues);
        Assert.Contains(MemberWorkbookSchema.ListsSheetName, cell.DataValidation.Value, StringComparison.Ordinal);
    }

    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The raw XML of the named worksheets, found through workbook.xml and its relationships.</summary>
    private static IEnumerable<XDocument> SheetXmls(string path, IEnumerable<string> names)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        XDocument workbook = Load(zip, "xl/workbook.xml");
        XDocument rels = Load(zip, "xl/_rels/workbook.xml.rels");
        var result = new List<XDocument>();
        foreach (string name in names)
        {
            XElement sheet = workbook.Descendants(Main + "sheet").Single(s => (string?)s.Attribute("name") == name);
            string id = (string)sheet.Attribute(Rel + "id")!;
            string target = (string)rels.Descendants(PackageRel + "Relationship").Single(r => (string?)r.Attribute("Id") == id).Attribute("Target")!;
            result.Add(Load(zip, target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target));
        }

        return result;
    }

    private static XDocument LoadPart(string path, string entry)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        return Load(zip, entry);
    }

    private static XDocument Load(ZipArchive zip, string entry)
    {
        using Stream stream = zip.GetEntry(entry)!.Open();
        return XDocument.Load(stream);
    }
}
