using System.Text;
using CleaNum.Packaging;

namespace CleaNum.Import.Tests;

public sealed class PackagePartsTests
{
    [Theory]
    [InlineData("xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml")]
    [InlineData("xl/workbook.xml", "/xl/worksheets/sheet.xml", "xl/worksheets/sheet.xml")]
    [InlineData("xl/worksheets/sheet1.xml", "../comments1.xml", "xl/comments1.xml")]
    [InlineData("xl/worksheets/sheet1.xml", "./../drawings/vmlDrawing1.vml", "xl/drawings/vmlDrawing1.vml")]
    [InlineData("xl/workbook.xml", "worksheets\\sheet%201.xml", "xl/worksheets/sheet 1.xml")]
    [InlineData("", "xl/workbook.xml", "xl/workbook.xml")]
    public void Does_resolve_a_relationship_target_against_its_source_part(string source, string target, string expected)
    {
        Assert.Equal(expected, PackageParts.ResolveTarget(source, target));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(65_533)] // cut by the first chunk boundary
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(150_000)]
    public void Does_find_a_pattern_wherever_it_stands_in_the_stream(int offset)
    {
        byte[] content = new byte[200_000];
        Array.Fill(content, (byte)'x');
        "t='e'"u8.CopyTo(content.AsSpan(offset));

        Assert.True(PackageParts.Contains(new MemoryStream(content), "t=\"e\""u8.ToArray(), "t='e'"u8.ToArray()));
        Assert.False(PackageParts.Contains(new MemoryStream(content), "t=\"e\""u8.ToArray()));
    }

    [Fact]
    public void Does_not_find_a_pattern_the_stream_does_not_hold()
    {
        Assert.False(PackageParts.Contains(new MemoryStream(Encoding.ASCII.GetBytes("<c r=\"A1\" t=\"s\"/>")), "tabSelected"u8.ToArray()));
        Assert.False(PackageParts.Contains(new MemoryStream([]), "tabSelected"u8.ToArray()));
    }
}
