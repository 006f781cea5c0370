using CleaNum.Core.Parsing;

namespace CleaNum.Core.Tests.Parsing;

public sealed class SirenTests
{
    public static TheoryData<string, IdentifierVerdict> Vectors => StdnumVectors.SirenVectors;

    /// <summary>tests/test_fr_siren.doctest of python-stdnum: "found online and should all be valid numbers".</summary>
    public static TheoryData<string> StdnumDoctestValid => new()
    {
        "217601 145", "3 1 0 1 8 8 4 2 0", "350792008", "480318245", "500 674 056", "529290488", "738 205 269",
        "752136200", "752490334", "775 699 309", "775672272", "776 944 944", "820043784",
    };

    [Theory]
    [MemberData(nameof(StdnumDoctestValid))]
    public void Does_accept_stdnum_doctest_numbers_when_valid(string number)
    {
        IdentifierVerdict verdict = Siren.Check(number);

        Assert.Equal(IdentifierVerdict.Valid, verdict);
    }

    [Fact]
    public void Does_match_stdnum_module_docstring()
    {
        Assert.Equal("552008443", Siren.Compact("552 008 443"));
        Assert.Equal(IdentifierVerdict.Valid, Siren.Check("404833048"));
        Assert.Equal(IdentifierVerdict.InvalidChecksum, Siren.Check("404833047"));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Does_give_stdnum_verdict_when_input_is_tricky(string number, IdentifierVerdict expected)
    {
        IdentifierVerdict verdict = Siren.Check(number);

        Assert.Equal(expected, verdict);
    }

    [Theory]
    [InlineData("732 829 320", "732829320")]
    [InlineData("\u00A0732\u202F829.320\t", "732829320")]
    [InlineData("１２３", "123")]
    [InlineData("7–3", "7-3")]
    public void Does_compact_like_stdnum(string input, string expected)
    {
        string compact = Siren.Compact(input);

        Assert.Equal(expected, compact);
    }

    [Fact]
    public void Does_format_in_groups_of_three()
    {
        string formatted = Siren.Format("732829320");

        Assert.Equal("732 829 320", formatted);
    }

    [Theory]
    [InlineData("732.829.320", "732 829 320")]
    [InlineData("732 829 320", "732 829 320")]
    [InlineData("73282932", "73282932")] // not 9 digits: shown as given
    [InlineData("73282932A", "73282932A")]
    [InlineData(null, "")]
    [InlineData("  ", "")]
    public void Does_show_a_value_that_is_not_nine_digits_as_given(string? siren, string expected)
    {
        Assert.Equal(expected, Siren.Format(siren));
    }

    [Fact]
    public void Does_check_format_before_length_when_both_are_wrong()
    {
        IdentifierVerdict verdict = Siren.Check("12A");

        Assert.Equal(IdentifierVerdict.InvalidFormat, verdict);
    }
}
