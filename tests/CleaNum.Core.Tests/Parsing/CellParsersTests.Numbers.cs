using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;

namespace CleaNum.Core.Tests.Parsing;

public sealed partial class CellParsersTests
{
    [Theory]
    [InlineData("3", 3)]
    [InlineData(3d, 3)]
    [InlineData(" 3 ", 3)]
    [InlineData("0", 0)]
    [InlineData("1 200", 1200)]
    [InlineData("3,0", 3)]
    public void Does_read_count(object value, int expected)
    {
        Parsed<int> parsed = CellParsers.Count(C(value));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(-1d)]
    [InlineData("-1")]
    [InlineData("trois")]
    [InlineData("2,5")]
    [InlineData(true)]
    [InlineData(1e12)]
    public void Does_reject_count(object value)
    {
        Assert.Equal(IssueCodes.NumberFormat, CellParsers.Count(C(value)).ErrorCode);
    }

    [Theory]
    [InlineData("4 personnes", 4)]
    [InlineData("3 évaluateurs", 3)]
    [InlineData("12 pers.", 12)]
    [InlineData("4,0", 4)]
    [InlineData("１２", 12)]
    public void Does_read_count_followed_by_the_word_counted(string text, int expected)
    {
        Parsed<int> parsed = CellParsers.Count(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("≈ 12")]
    [InlineData("environ 12")]
    [InlineData("12+")]
    [InlineData("quatre")]
    [InlineData("4 ou 5 personnes")]
    public void Does_reject_approximate_counts(string text)
    {
        Assert.Equal(IssueCodes.NumberFormat, CellParsers.Count(C(text)).ErrorCode);
    }

    [Fact]
    public void Does_reject_unicode_minus_count_as_negative()
    {
        Parsed<int> parsed = CellParsers.Count(C("\u22122"));

        Assert.Equal(IssueCodes.NumberFormat, parsed.ErrorCode);
        Assert.Contains("positif", parsed.Detail, StringComparison.Ordinal);
    }
}
