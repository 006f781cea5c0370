using System.Text.RegularExpressions;
using CleaNum.Core.Workbook;
using CleaNum.Import.Tests.Support;
using Est = CleaNum.Core.Workbook.MemberWorkbookSchema.Est;

namespace CleaNum.Import.Tests;

/// <summary>Cells as other tools leave them: cached formula errors (t="e"), no r attributes (Google Sheets), invisible text.</summary>
public sealed partial class FormulaErrorReadingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string EtablissementsWithMarker(object? city) => new TestWorkbook().Table("Etablissements", 1,
            ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville", "Région"],
            ["Site A", "73282932000074", "1 rue A", "73000", city, null],
            ["Site B", "73282932000017", "2 rue B", "74000", "Annecy", null])
        .Save(_folder, "source.xlsx");

    /// <summary>Replaces the numeric cell E2 (value 999) by a #N/A left by a failed VLOOKUP.</summary>
    private static string WithErrorInE2(string part, string xml, bool dropReferences)
    {
        if (!part.StartsWith("xl/worksheets/", StringComparison.Ordinal))
        {
            return xml;
        }

        string text = MarkerCell().Replace(xml, m => $"<{m.Groups["p"].Value}c r=\"E2\" t=\"e\"><{m.Groups["p"].Value}f>VLOOKUP(D2,Communes!A:B,2,0)</{m.Groups["p"].Value}f><{m.Groups["p"].Value}v>#N/A</{m.Groups["p"].Value}v></{m.Groups["p"].Value}c>");
        return dropReferences ? References().Replace(text, "") : text;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Does_find_an_error_cell_whose_type_attribute_straddles_a_64_kilobyte_boundary(int shift)
    {
        // The quick byte search reads 64 KB at a time: put t="e" across the boundary, at several offsets.
        string path = PackageRewriter.Rewrite(EtablissementsWithMarker(999d), _folder.File("erreur.xlsx"), (part, xml) =>
        {
            string text = WithErrorInE2(part, xml, dropReferences: false);
            if (!part.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            {
                return text;
            }

            int data = Regex.Match(text, "<(\\w+:)?sheetData").Index;
            int target = text.IndexOf("t=\"e\"", StringComparison.Ordinal);
            int padding = 65_536 - shift - System.Text.Encoding.UTF8.GetByteCount(text[..target]) - "<!---->".Length;
            return text[..data] + "<!--" + new string('p', padding) + "-->" + text[data..];
        });

        var errors = ErrorCellScanner.Scan(path);

        Assert.Equal("#N/A", errors["Etablissements"][(2, 4)]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // rows and cells without r attributes, as Google Sheets and some generators write them
    public void Does_keep_the_formula_error_of_a_cell_instead_of_reading_it_as_empty(bool dropReferences)
    {
        string path = PackageRewriter.Rewrite(EtablissementsWithMarker(999d), _folder.File("erreur.xlsx"),
            (part, xml) => WithErrorInE2(part, xml, dropReferences));

        RawSheet sheet = Assert.IsType<RawSheet>(Readers.ReadMember(path).Sheet(MemberWorkbookSchema.Keys.Etablissements));

        Assert.Equal([2, 3], sheet.Records.Select(r => r.Row));
        Cell city = Assert.IsType<Cell>(sheet.Records[0].Get(Est.City));
        Assert.True(city.IsBlank);
        Assert.Equal("#N/A", city.Error);
        Assert.Equal("E2", city.Address);
        Assert.Null(sheet.Records[1].Get(Est.City)?.Error);
        Assert.Equal("Annecy", sheet.Records[1].Get(Est.City)?.Value);
    }

    [Fact]
    public void Does_read_a_cell_holding_only_a_zero_width_space_as_blank()
    {
        string path = EtablissementsWithMarker("\u200B");

        RawSheet sheet = Assert.IsType<RawSheet>(Readers.ReadMember(path).Sheet(MemberWorkbookSchema.Keys.Etablissements));

        Assert.True(sheet.Records[0].Get(Est.City) is null or { IsBlank: true });
    }

    [GeneratedRegex(@"<(?<p>\w+:)?c r=""E2""[^>]*>\s*<(?:\w+:)?v>999</(?:\w+:)?v>\s*</(?:\w+:)?c>")]
    private static partial Regex MarkerCell();

    [GeneratedRegex(@" r=""[A-Z]*[0-9]+""")]
    private static partial Regex References();
}
