using ClosedXML.Excel;
using CleaNum.Export.Spreadsheet;

namespace CleaNum.Export.Tests.Spreadsheet;

public sealed class SpreadsheetWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Drops_characters_xml_cannot_hold_and_keeps_leading_zeros_and_spaces()
    {
        string path = _folder.File("t.xlsx");
        SheetSpec sheet = new("Données d'essai", [new("A", 10), new("B", 12)],
        [
            [XCell.Str("bell\u0007 and \uD800 lone surrogate, emoji 😀"), XCell.Id("01000")],
            [XCell.Str("  espaces  \r\nligne 2"), XCell.Num(3.5, CellStyle.Default)],
        ]);

        SpreadsheetWriter.WriteAtomically(path, [sheet]);

        using var workbook = new XLWorkbook(path);
        IXLWorksheet ws = workbook.Worksheet("Données d'essai");
        Assert.Equal("bell and  lone surrogate, emoji 😀", ws.Cell(2, 1).GetString());
        Assert.Equal("01000", ws.Cell(2, 2).GetString());
        Assert.Equal(XLDataType.Text, ws.Cell(2, 2).DataType);
        Assert.Equal("  espaces  \nligne 2", ws.Cell(3, 1).GetString());
        Assert.Equal(3.5, ws.Cell(3, 2).GetDouble());
        ReadSheet read = IndependentReader.Read(path).Sheet("Données d'essai");
        Assert.Equal("01000", read.Value(2, 2));
    }

    /// <summary>The parts that depend only on the sheet count are built once per count and reused: workbooks of one,
    /// three and again one sheet each list exactly their own sheets, open in ClosedXML and are byte for byte the
    /// same when written twice.</summary>
    [Fact]
    public void Lists_exactly_its_own_sheets_whatever_was_written_before()
    {
        static SheetSpec Sheet(string name) => new(name, [new("A", 10)], [[XCell.Str(name)]]);
        string one = _folder.File("one.xlsx");
        string three = _folder.File("three.xlsx");
        string oneAgain = _folder.File("one-again.xlsx");

        SpreadsheetWriter.WriteAtomically(one, [Sheet("Seule")]);
        SpreadsheetWriter.WriteAtomically(three, [Sheet("Un"), Sheet("Deux"), Sheet("Trois")]);
        SpreadsheetWriter.WriteAtomically(oneAgain, [Sheet("Seule")]);

        using (var workbook = new XLWorkbook(three))
        {
            Assert.Equal(["Un", "Deux", "Trois"], workbook.Worksheets.Select(w => w.Name));
            Assert.Equal("Trois", workbook.Worksheet("Trois").Cell(2, 1).GetString());
        }

        using (var archive = System.IO.Compression.ZipFile.OpenRead(three))
        {
            string types = new StreamReader(archive.GetEntry("[Content_Types].xml")!.Open()).ReadToEnd();
            string rels = new StreamReader(archive.GetEntry("xl/_rels/workbook.xml.rels")!.Open()).ReadToEnd();
            Assert.Contains("/xl/worksheets/sheet3.xml", types, StringComparison.Ordinal);
            Assert.DoesNotContain("sheet4", types, StringComparison.Ordinal);
            Assert.Contains("worksheets/sheet3.xml", rels, StringComparison.Ordinal);
            Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>", types.TrimStart('\uFEFF'), StringComparison.Ordinal);
        }

        using (var workbook = new XLWorkbook(one))
        {
            Assert.Equal("Seule", Assert.Single(workbook.Worksheets).Name);
        }

        Assert.Equal(File.ReadAllBytes(one), File.ReadAllBytes(oneAgain));
    }

    [Fact]
    public void Cuts_text_at_excel_cell_limit()
    {
        Assert.Equal(32_767, SpreadsheetWriter.Clean(new string('x', 40_000)).Length);
    }

    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(702, "ZZ")]
    [InlineData(703, "AAA")]
    public void Names_columns_like_excel(int column, string name) =>
        Assert.Equal(name, SpreadsheetWriter.ColumnName(column));
}
