using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;

namespace CleaNum.Core.Tests.Parsing;

public sealed partial class CellParsersTests
{
    [Theory]
    [InlineData("contact@organisme.fr")]
    [InlineData(" prenom.nom+cv@sous.domaine-x.com ")]
    [InlineData("mailto:contact@organisme.fr")]
    public void Does_accept_email(string text)
    {
        Assert.True(CellParsers.Email(C(text)).IsOk);
    }

    [Theory]
    [InlineData("contact@organisme")]
    [InlineData("contact.organisme.fr")]
    [InlineData("contact@@organisme.fr")]
    [InlineData("con tact@organisme.fr")]
    [InlineData("contact@organisme..fr")]
    [InlineData(".contact@organisme.fr")]
    public void Does_reject_email(string text)
    {
        Assert.Equal(IssueCodes.EmailFormat, CellParsers.Email(C(text)).ErrorCode);
    }

    [Theory]
    [InlineData("01 23 45 67 89", "01 23 45 67 89")]
    [InlineData("0123456789", "01 23 45 67 89")]
    [InlineData("01.23.45.67.89", "01 23 45 67 89")]
    [InlineData("01-23-45-67-89", "01 23 45 67 89")]
    [InlineData("+33 1 23 45 67 89", "01 23 45 67 89")]
    [InlineData("+33 (0)1 23 45 67 89", "01 23 45 67 89")]
    [InlineData("0033 6 12 34 56 78", "06 12 34 56 78")]
    [InlineData("+262 692 12 34 56", "06 92 12 34 56")]
    [InlineData(123456789d, "01 23 45 67 89")]
    [InlineData(33123456789d, "01 23 45 67 89")]
    public void Does_normalise_french_phone(object value, string expected)
    {
        Parsed<string> parsed = CellParsers.Phone(C(value));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("01 23 45 67")]
    [InlineData("1234567890")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+33 01 23 45 67 89")]
    [InlineData("00 00 00 00 00")]
    [InlineData("tél. bureau")]
    public void Does_keep_value_with_warning_when_phone_is_malformed(string text)
    {
        Parsed<string> parsed = CellParsers.Phone(C(text));

        Assert.Equal(IssueCodes.PhoneFormat, parsed.ErrorCode);
        Assert.Equal(text.Trim(), parsed.Value);
    }

    [Theory]
    [InlineData("https://www.organisme.fr")]
    [InlineData("http://organisme.fr/formations?x=1")]
    [InlineData("www.organisme.fr")]
    [InlineData("organisme.fr")]
    [InlineData("https://www.école-numérique.fr")]
    public void Does_accept_url(string text)
    {
        Parsed<string> parsed = CellParsers.Url(C(text));

        Assert.True(parsed.IsOk);
        Assert.Equal(text, parsed.Value);
    }

    [Theory]
    [InlineData("www organisme fr")]
    [InlineData("organisme")]
    [InlineData("ftp://organisme.fr")]
    [InlineData("néant")]
    public void Does_keep_value_with_warning_when_url_is_malformed(string text)
    {
        Parsed<string> parsed = CellParsers.Url(C(text));

        Assert.Equal(IssueCodes.UrlFormat, parsed.ErrorCode);
        Assert.Equal(text, parsed.Value);
    }
}
