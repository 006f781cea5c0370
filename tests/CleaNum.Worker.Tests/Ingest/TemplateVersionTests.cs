using ClosedXML.Excel;
using CleaNum.Core.Ports;
using CleaNum.Core.Workbook;
using CleaNum.Worker.Ingest;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Worker.Tests.Ingest;

/// <summary>Files filled in template 2026.1 (500 formatted empty rows per table sheet, kept in
/// <c>Fixtures/template-2026.1</c>: the sample network of that day) must read and check exactly as the same answers typed
/// into today's template (column styles, example line).</summary>
public sealed class TemplateVersionTests
{
    [Theory]
    [InlineData("acme-formation-idf.xlsx")]
    [InlineData("numerique-grand-est.xlsx")]
    [InlineData("erreurs-typiques-formanord.xlsx")]
    public async Task Does_read_answers_in_the_current_template_as_in_the_earlier_one(string sample)
    {
        await using var earlier = await IngestFixture.CreateAsync();
        await using var current = await IngestFixture.CreateAsync();
        string template = Path.Combine(current.Root, "modele.xlsx");
        current.Host.Services.GetRequiredService<ITemplateWriter>().Write(template);
        string moved = Path.Combine(current.Root, "modele-rempli.xlsx");
        CopyAnswers(Earlier(sample), template, moved);

        var reader = current.Host.Services.GetRequiredService<IWorkbookReader>();
        Assert.Equal(
            Describe(reader.Read(Earlier(sample), MemberWorkbookSchema.Sheets, CancellationToken.None)),
            Describe(reader.Read(moved, MemberWorkbookSchema.Sheets, CancellationToken.None)));

        string earlierDrop = Path.Combine(earlier.Data.EnsureCreated().Depot, sample);
        File.Copy(Earlier(sample), earlierDrop);
        IngestOutcome before = await earlier.IngestAsync(earlierDrop);
        string dropped = Path.Combine(current.Data.EnsureCreated().Depot, sample);
        File.Copy(moved, dropped);
        IngestOutcome after = await current.IngestAsync(dropped);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(
            before.Issues.Select(i => (i.Code, i.Severity, i.Sheet, i.CellAddress, i.Message)),
            after.Issues.Select(i => (i.Code, i.Severity, i.Sheet, i.CellAddress, i.Message)));
        Assert.True(new FileInfo(moved).Length * 2 < new FileInfo(Earlier(sample)).Length,
            $"today's filled template ({new FileInfo(moved).Length} bytes) should be far smaller than the earlier one");
    }

    private static string Earlier(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "template-2026.1", name);

    [Fact]
    public void Does_keep_the_text_format_for_a_value_typed_below_the_header()
    {
        string root = Path.Combine(Path.GetTempPath(), "cleanum-tests", "modele " + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        try
        {
            string template = Path.Combine(root, "modele.xlsx");
            using (Microsoft.Extensions.Hosting.IHost host = CleaNumHost.Build(new GlobalOptions(root, null, Json: false), service: false))
            {
                host.Services.GetRequiredService<ITemplateWriter>().Write(template);
            }

            int siret = MemberWorkbookSchema.Etablissements.Fields.ToList().FindIndex(f => f.Format == FieldFormat.Siret) + 1;
            using var workbook = new XLWorkbook(template);
            IXLWorksheet sheet = workbook.Worksheet(MemberWorkbookSchema.Etablissements.Name);

            // Far below any pre-formatted row: the column's own style applies.
            Assert.Equal("@", sheet.Cell(2, siret).Style.NumberFormat.Format);
            Assert.Equal("@", sheet.Cell(5000, siret).Style.NumberFormat.Format);
            Assert.Equal(XLAlignmentVerticalValues.Top, sheet.Cell(5000, siret).Style.Alignment.Vertical);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Every value of the four data sheets of <paramref name="filled"/> typed into a copy of
    /// <paramref name="template"/> at the same cell, with its type (text, number, date), as a member would.</summary>
    private static void CopyAnswers(string filled, string template, string target)
    {
        using var source = new XLWorkbook(filled);
        using var destination = new XLWorkbook(template);
        foreach (SheetDefinition definition in MemberWorkbookSchema.Sheets)
        {
            // Template 2026.2 added an optional sheet, form rows and table columns that the earlier files do not have:
            // the earlier layout is kept (extra sheet, rows and columns of today's template left out), so that only
            // the formatting of today's template differs.
            if (!source.TryGetWorksheet(definition.Name, out IXLWorksheet from))
            {
                destination.Worksheet(definition.Name).Delete();
                continue;
            }

            IXLWorksheet to = destination.Worksheet(definition.Name);
            int lastRow = from.LastRowUsed()?.RowNumber() ?? 0;
            int lastColumn = from.LastColumnUsed()?.ColumnNumber() ?? 0;
            foreach (IXLCell extra in to.CellsUsed(XLCellsUsedOptions.Contents)
                         .Where(c => c.Address.RowNumber > lastRow || c.Address.ColumnNumber > lastColumn).ToList())
            {
                extra.Clear(XLClearOptions.Contents);
            }

            foreach (IXLCell cell in from.CellsUsed(XLCellsUsedOptions.Contents))
            {
                IXLCell copy = to.Cell(cell.Address.RowNumber, cell.Address.ColumnNumber);
                _ = cell.DataType switch
                {
                    XLDataType.Number => copy.SetValue(cell.GetDouble()),
                    XLDataType.DateTime => copy.SetValue(cell.GetDateTime()),
                    XLDataType.Boolean => copy.SetValue(cell.GetBoolean()),
                    _ => copy.SetValue(cell.GetString()),
                };
            }
        }

        destination.SaveAs(target);
    }

    private static List<string> Describe(RawWorkbook workbook) =>
    [
        .. workbook.Issues.Select(i => $"issue {i.Code} {i.Sheet} {i.CellAddress} {i.Message}"),
        .. workbook.Sheets.SelectMany(s => s.Records.SelectMany(r => r.Cells
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{s.SheetName}!{c.Value.Row},{c.Value.Column} {c.Key} = {c.Value.Value} ({c.Value.Value?.GetType().Name}) [{c.Value.NumberFormat}] {c.Value.Error}"))),
    ];
}
