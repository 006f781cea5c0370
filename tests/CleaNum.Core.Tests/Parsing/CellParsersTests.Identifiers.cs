using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;

namespace CleaNum.Core.Tests.Parsing;

public sealed partial class CellParsersTests
{
    [Theory]
    [InlineData("732829320")]
    [InlineData("732 829 320")]
    [InlineData("732.829.320")]
    [InlineData("732\u00A0829\u00A0320")]
    [InlineData("732\u202F829\u202F320")]
    [InlineData(" 732829320 ")]
    public void Does_accept_siren_text_when_valid(string text)
    {
        Parsed<string> parsed = CellParsers.Siren(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal("732829320", parsed.Value);
    }

    [Fact]
    public void Does_convert_numeric_siren_exactly_and_pad_lost_zero()
    {
        Assert.Equal("732829320", CellParsers.Siren(C(732829320d)).Value);
        Assert.Equal("057813131", CellParsers.Siren(C(57813131d)).Value); // Excel dropped the leading zero
    }

    [Theory]
    [InlineData("732829321", IssueCodes.SirenChecksum)]
    [InlineData("73282932", IssueCodes.SirenFormat)]
    [InlineData("7328293A0", IssueCodes.SirenFormat)]
    [InlineData("732-829-320", IssueCodes.SirenFormat)]
    [InlineData("73282932000074", IssueCodes.SirenFormat)]
    [InlineData("7,32829E+8", IssueCodes.IdentifierPrecisionLost)]
    public void Does_reject_siren_text(string text, string code)
    {
        Parsed<string> parsed = CellParsers.Siren(C(text));

        Assert.Equal(code, parsed.ErrorCode);
        Assert.False(string.IsNullOrEmpty(parsed.Detail));
    }

    [Fact]
    public void Does_say_how_many_digits_were_found_when_siren_length_is_wrong()
    {
        Assert.Equal("9 chiffres attendus, 8 trouvés", CellParsers.Siren(C("73282932")).Detail);
    }

    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    [InlineData("732\u202F829\u202F320\u202F00074")]
    [InlineData("732.829.320.00074")]
    public void Does_accept_siret_text_when_valid(string text)
    {
        Parsed<string> parsed = CellParsers.Siret(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal("73282932000074", parsed.Value);
    }

    [Fact]
    public void Does_convert_numeric_siret_exactly()
    {
        Parsed<string> parsed = CellParsers.Siret(C(73282932000074d));

        Assert.True(parsed.IsOk);
        Assert.Equal("73282932000074", parsed.Value);
    }

    [Fact]
    public void Does_pad_numeric_siret_when_excel_dropped_the_leading_zero()
    {
        Parsed<string> parsed = CellParsers.Siret(C(5781313100026d));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal("05781313100026", parsed.Value);
    }

    [Theory]
    [InlineData("7,32829E+13")]
    [InlineData("7.32829E+13")]
    [InlineData("7,32829320000740E+13")]
    [InlineData(" 7.3E13 ")]
    public void Does_report_precision_lost_when_siret_text_is_scientific(string text)
    {
        Assert.Equal(IssueCodes.IdentifierPrecisionLost, CellParsers.Siret(C(text)).ErrorCode);
    }

    [Theory]
    [InlineData(73282932000074.5)]
    [InlineData(1e15)]
    [InlineData(7.32829e19)]
    [InlineData(73282900000000d)] // 7,32829E+13 typed back, or a CSV round trip: the last 8 digits are gone
    [InlineData(7328290000000d)] // 13 digits, same
    public void Does_report_precision_lost_when_siret_number_cannot_be_exact(double value)
    {
        Assert.Equal(IssueCodes.IdentifierPrecisionLost, CellParsers.Siret(C(value)).ErrorCode);
    }

    [Theory]
    [InlineData("732829320")]
    [InlineData("732 829 320")]
    public void Does_report_siret_is_siren_when_nine_digits_are_given(string text)
    {
        Assert.Equal(IssueCodes.SiretIsSiren, CellParsers.Siret(C(text)).ErrorCode);
        Assert.Equal(IssueCodes.SiretIsSiren, CellParsers.Siret(C(732829320d)).ErrorCode);
    }

    [Theory]
    [InlineData("73282932000079", IssueCodes.SiretChecksum, "clé de contrôle invalide")]
    [InlineData("35600000049838", IssueCodes.SiretChecksum, "clé de contrôle invalide")]
    [InlineData("7328293200007", IssueCodes.SiretFormat, "14 chiffres attendus, 13 trouvés")]
    [InlineData("7328293200007A", IssueCodes.SiretFormat, null)]
    [InlineData("", IssueCodes.SiretFormat, null)]
    public void Does_reject_siret_text(string text, string code, string? detail)
    {
        Parsed<string> parsed = CellParsers.Siret(C(text));

        Assert.Equal(code, parsed.ErrorCode);
        if (detail is not null)
        {
            Assert.Equal(detail, parsed.Detail);
        }
    }

    [Fact]
    public void Does_reject_siret_when_cell_is_a_date_or_boolean()
    {
        Assert.Equal(IssueCodes.SiretFormat, CellParsers.Siret(C(true)).ErrorCode);
        Assert.Equal(IssueCodes.SiretFormat, CellParsers.Siret(C(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified))).ErrorCode);
        Assert.Equal(IssueCodes.SiretFormat, CellParsers.Siret(C(-73282932000074d)).ErrorCode);
    }

    [Theory]
    [InlineData("75008", "75008")]
    [InlineData(" 75 008 ", "75008")]
    [InlineData("75\u00A0008", "75008")]
    [InlineData(1000d, "01000")]
    [InlineData(75008d, "75008")]
    [InlineData(971d, "00971")]
    public void Does_normalise_postal_code(object value, string expected)
    {
        Parsed<string> parsed = CellParsers.PostalCode(C(value));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("750")]
    [InlineData("7500")]
    [InlineData("1000")]
    [InlineData("750080")]
    [InlineData("75OO8")]
    [InlineData("Paris")]
    [InlineData(99d)]
    [InlineData(100000d)]
    [InlineData(7500.5)]
    [InlineData(true)]
    public void Does_reject_postal_code(object value)
    {
        Assert.Equal(IssueCodes.PostalCodeFormat, CellParsers.PostalCode(C(value)).ErrorCode);
    }

    [Theory]
    [InlineData("85.59A", "85.59A")]
    [InlineData("8559A", "85.59A")]
    [InlineData("85 59 A", "85.59A")]
    [InlineData("85.59a", "85.59A")]
    [InlineData(" 70.22Z ", "70.22Z")]
    [InlineData("46.87Y", "46.87Y")] // NAF 2025
    [InlineData("85-59-B", "85.59B")]
    public void Does_normalise_naf(string text, string expected)
    {
        Parsed<string> parsed = CellParsers.Naf(C(text));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("85.59")]
    [InlineData("855A")]
    [InlineData("804C")] // NAF rév. 1
    [InlineData("85.59AB")]
    [InlineData("Formation")]
    [InlineData(85.59)]
    public void Does_reject_naf(object value)
    {
        Assert.Equal(IssueCodes.NafFormat, CellParsers.Naf(C(value)).ErrorCode);
    }

    [Theory]
    [InlineData("85.59A", true)]
    [InlineData("85.59B", true)]
    [InlineData("85.32Z", true)]
    [InlineData("70.22Z", true)]
    [InlineData("70.20Y", true)]
    [InlineData("78.10Z", true)]
    [InlineData("88.99B", true)]
    [InlineData("88.99A", false)]
    [InlineData("62.01Z", false)]
    [InlineData("70.10Z", false)]
    [InlineData("nonsense", false)]
    public void Does_tell_training_related_naf(string code, bool expected)
    {
        Assert.Equal(expected, Naf.IsTrainingRelated(code));
    }

    [Theory]
    [InlineData("11 75 12345 75", "11751234575")]
    [InlineData("11751234575", "11751234575")]
    [InlineData("11.75.12345.75", "11751234575")]
    [InlineData("11-75-12345-75", "11751234575")]
    [InlineData(11751234575d, "11751234575")]
    [InlineData(4971234597d, "04971234597")] // overseas: the leading 0 of région 04 was dropped
    public void Does_normalise_nda(object value, string expected)
    {
        Parsed<string> parsed = CellParsers.Nda(C(value));

        Assert.True(parsed.IsOk);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("1175123457")]
    [InlineData("117512345750")]
    [InlineData("11 75 1234A 75")]
    [InlineData(1.1751234575e10 + 0.5)]
    [InlineData(true)]
    public void Does_reject_nda(object value)
    {
        Assert.Equal(IssueCodes.NdaFormat, CellParsers.Nda(C(value)).ErrorCode);
    }

    [Theory]
    [InlineData("7328293200\u200B0074")] // zero-width space pasted from a web page
    [InlineData("\uFEFF73282932000074")] // byte-order mark
    [InlineData("７３２８２９３２００００７４")] // full-width digits (Japanese/Chinese input method)
    [InlineData("73282932000074.0")] // a number turned into text by a script or CSV export
    [InlineData("'73282932000074")] // LibreOffice keeps the apostrophe typed in a text cell
    [InlineData("\u2019732 829 320 00074")]
    public void Does_read_siret_text_when_invisible_or_full_width_characters_surround_the_digits(string text)
    {
        Parsed<string> parsed = CellParsers.Siret(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal("73282932000074", parsed.Value);
    }

    [Fact]
    public void Does_still_refuse_a_siret_with_a_real_decimal_part()
    {
        Assert.Equal(IssueCodes.SiretFormat, CellParsers.Siret(C("73282932000074.5")).ErrorCode);
        Assert.Equal(IssueCodes.SirenFormat, CellParsers.Siren(C("73282932000074")).ErrorCode);
    }

    [Fact]
    public void Does_read_other_codes_when_typed_with_an_apostrophe_or_full_width_digits()
    {
        Assert.Equal("73000", CellParsers.PostalCode(C("７３０００")).Value);
        Assert.Equal("01000", CellParsers.PostalCode(C("'01000")).Value);
        Assert.Equal("732829320", CellParsers.Siren(C("'732829320")).Value);
        Assert.Equal("82730000073", CellParsers.Nda(C("'82730000073")).Value);
        Assert.Equal("04 79 00 00 00", CellParsers.Phone(C("'04 79 00 00 00")).Value);
        Assert.Equal(2024, CellParsers.Year(C("'2024")).Value);
        Assert.Equal(4, CellParsers.Count(C("'4")).Value);
    }
}
