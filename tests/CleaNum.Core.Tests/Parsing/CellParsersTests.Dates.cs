using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;

namespace CleaNum.Core.Tests.Parsing;

public sealed partial class CellParsersTests
{
    [Fact]
    public void Does_print_text_date_and_boolean_as_a_person_reads_them()
    {
        Assert.Equal("abc", CellParsers.Text(C("  abc \t")));
        Assert.Equal("05/03/2024", CellParsers.Text(C(new DateTime(2024, 3, 5, 14, 0, 0, DateTimeKind.Unspecified))));
        Assert.Equal("Oui", CellParsers.Text(C(true)));
        Assert.Equal("Non", CellParsers.Text(C(false)));
        Assert.Null(CellParsers.Text(C("   ")));
        Assert.Null(CellParsers.Text(C(null)));
        Assert.Null(CellParsers.Text(null));
    }

    [Theory]
    [InlineData("05/03/2024")]
    [InlineData("5/3/2024")]
    [InlineData("05-03-2024")]
    [InlineData("05.03.2024")]
    [InlineData("2024-03-05")]
    [InlineData("05/03/2024 00:00:00")]
    [InlineData(" 05/03/2024 ")]
    public void Does_read_date_text(string text)
    {
        Parsed<DateOnly> parsed = CellParsers.Date(C(text));

        Assert.True(parsed.IsOk);
        Assert.Equal(new DateOnly(2024, 3, 5), parsed.Value);
    }

    [Theory]
    [InlineData(1d, 1900, 1, 1)]
    [InlineData(59d, 1900, 2, 28)]
    [InlineData(61d, 1900, 3, 1)]
    [InlineData(45356d, 2024, 3, 5)]
    [InlineData(45356.75, 2024, 3, 5)]
    public void Does_read_excel_serial_numbers_in_the_1900_system(double serial, int year, int month, int day)
    {
        Parsed<DateOnly> parsed = CellParsers.Date(C(serial));

        Assert.True(parsed.IsOk);
        Assert.Equal(new DateOnly(year, month, day), parsed.Value);
    }

    [Fact]
    public void Does_read_date_cell()
    {
        Parsed<DateOnly> parsed = CellParsers.Date(C(new DateTime(2024, 3, 5, 13, 30, 0, DateTimeKind.Unspecified)));

        Assert.Equal(new DateOnly(2024, 3, 5), parsed.Value);
    }

    [Theory]
    [InlineData(60d)]
    [InlineData(0d)]
    [InlineData(-3d)]
    [InlineData("31/02/2024")]
    [InlineData("2024/13/01")]
    [InlineData("13/2024")]
    [InlineData("demain")]
    [InlineData("05/03/24")]
    [InlineData(true)]
    public void Does_reject_date(object value)
    {
        Assert.Equal(IssueCodes.DateFormat, CellParsers.Date(C(value)).ErrorCode);
    }

    [Theory]
    [InlineData(2023d, 2023)]
    [InlineData("2023", 2023)]
    [InlineData(" 2019 ", 2019)]
    [InlineData("15/06/2021", 2021)]
    public void Does_read_year(object value, int expected)
    {
        Assert.Equal(expected, CellParsers.Year(C(value)).Value);
        Assert.Equal(2022, CellParsers.Year(C(new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Unspecified))).Value);
    }

    [Theory]
    [InlineData("2024.0", 2024)] // a number turned into text by a script or CSV export
    [InlineData("2024,0", 2024)]
    [InlineData("2 024", 2024)] // French thousands separator
    [InlineData("2\u00A0024", 2024)]
    [InlineData("09/2023", 2023)]
    [InlineData("9-2023", 2023)]
    [InlineData("sept. 2023", 2023)]
    [InlineData("Septembre 2023", 2023)]
    [InlineData("01/09/2023", 2023)]
    public void Does_read_year_written_as_decimal_text_or_month_and_year(string text, int expected)
    {
        Parsed<int> parsed = CellParsers.Year(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(expected, parsed.Value);
    }

    [Fact]
    public void Does_read_a_year_typed_in_a_cell_formatted_as_a_date()
    {
        // 2024 typed in a date-formatted cell shows as 16/07/1905: the serial number is the year
        Assert.Equal(2024, CellParsers.Year(C(new DateTime(1905, 7, 16, 0, 0, 0, DateTimeKind.Unspecified))).Value);
        Assert.Equal(2023, CellParsers.Year(C(new DateTime(2023, 9, 1, 0, 0, 0, DateTimeKind.Unspecified))).Value);
        Assert.Equal(1930, CellParsers.Year(C(new DateTime(1930, 1, 1, 0, 0, 0, DateTimeKind.Unspecified))).Value);
    }

    [Theory]
    [InlineData("13/2023")]
    [InlineData("truc 2023")]
    [InlineData("2024.5")]
    public void Does_reject_month_and_year_text_that_is_not_one(string text)
    {
        Assert.Equal(IssueCodes.YearInvalid, CellParsers.Year(C(text)).ErrorCode);
    }

    [Theory]
    [InlineData(23d)]
    [InlineData(2023.5)]
    [InlineData("2021-2022")]
    [InlineData("vingt")]
    [InlineData("20233")]
    [InlineData(45000d)]
    public void Does_reject_year(object value)
    {
        Assert.Equal(IssueCodes.YearInvalid, CellParsers.Year(C(value)).ErrorCode);
    }

    [Theory]
    [InlineData("1er janvier 2029", 2029, 1, 1)]
    [InlineData("30 juin 2028", 2028, 6, 30)]
    [InlineData("1 févr. 2027", 2027, 2, 1)]
    [InlineData("lundi 31 DÉCEMBRE 2029", 2029, 12, 31)]
    [InlineData("30-juin-2028", 2028, 6, 30)]
    [InlineData("01-01-2029", 2029, 1, 1)]
    [InlineData("31.12.2028", 2028, 12, 31)]
    [InlineData("2029/01/01", 2029, 1, 1)]
    [InlineData("2029.01.31", 2029, 1, 31)]
    [InlineData("47000", 2028, 9, 4)] // a serial number kept as text
    [InlineData("'30/06/2028", 2028, 6, 30)]
    public void Does_read_dates_typed_as_text_in_french_and_numeric_forms(string text, int year, int month, int day)
    {
        Parsed<DateOnly> parsed = CellParsers.Date(C(text));

        Assert.True(parsed.IsOk, parsed.Detail);
        Assert.Equal(new DateOnly(year, month, day), parsed.Value);
    }

    [Theory]
    [InlineData("31 février 2028")]
    [InlineData("30 brumaire 2028")]
    [InlineData("juin 2028")]
    [InlineData("2024")]
    [InlineData("450")]
    public void Does_reject_date_text_that_names_no_single_day(string text)
    {
        Assert.Equal(IssueCodes.DateFormat, CellParsers.Date(C(text)).ErrorCode);
    }

    [Theory]
    [InlineData("2024-2025", "2025")]
    [InlineData("2024/25", "2025")]
    [InlineData("2024 – 2025", "2025")]
    public void Does_ask_for_the_most_recent_year_when_a_span_is_given(string text, string latest)
    {
        Parsed<int> parsed = CellParsers.Year(C(text));

        Assert.Equal(IssueCodes.YearInvalid, parsed.ErrorCode);
        Assert.Contains(latest, parsed.Detail, StringComparison.Ordinal);
    }
}
