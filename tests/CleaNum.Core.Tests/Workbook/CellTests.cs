using CleaNum.Core.Workbook;

namespace CleaNum.Core.Tests.Workbook;

public sealed class CellTests
{
    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    [InlineData(16_383, "XFD")]
    public void Does_name_columns_like_excel_and_read_the_name_back(int column, string letters)
    {
        Assert.Equal(letters, Cell.ColumnLetters(column));
        Assert.Equal(column, Cell.ColumnOf(letters + "7"));
        Assert.Equal(column, Cell.ColumnOf(letters.ToLowerInvariant() + "12"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("$A$1")]
    public void Does_not_read_a_column_from_a_reference_without_leading_letters(string reference)
    {
        Assert.Null(Cell.ColumnOf(reference));
    }
}
