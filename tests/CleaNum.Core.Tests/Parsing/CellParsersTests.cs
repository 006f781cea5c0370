using CleaNum.Core.Parsing;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Tests.Parsing;

public sealed partial class CellParsersTests
{
    private static Cell C(object? value) => new(7, 1, value);

    [Theory]
    [InlineData(73282932000074d, "73282932000074")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(3d, "3")]
    [InlineData(-12d, "-12")]
    [InlineData(2.5d, "2.5")]
    [InlineData(0.1d, "0.1")]
    public void Does_print_numbers_without_exponent_when_integral(double value, string expected)
    {
        Assert.Equal(expected, CellParsers.Text(C(value)));
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\u00A0\u00A0")]
    [InlineData(" \u200B\u00A0\u2060 ")]
    public void Does_treat_invisible_only_text_as_blank(string text)
    {
        Assert.True(C(text).IsBlank);
        Assert.Null(CellParsers.Text(C(text)));
    }

    [Fact]
    public void Does_trim_invisible_characters_around_text()
    {
        Assert.Equal("FCS Chambéry", CellParsers.Text(C("\u200BFCS Chambéry\u00A0")));
    }
}
