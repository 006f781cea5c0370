namespace CleaNum.Core.Workbook;

/// <summary>
/// One cell as read from a workbook. <see cref="Row"/> is the 1-based Excel row, <see cref="Column"/> the 0-based column
/// index. <see cref="Value"/> is what the reader returned: <see cref="string"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTime"/> or null (formulas are read by their cached value).
/// </summary>
public sealed record Cell(int Row, int Column, object? Value)
{
    /// <summary>The number format of the cell when the reader knows it (e.g. "@", "0", "0.00E+00").</summary>
    public string? NumberFormat { get; init; }

    /// <summary>"C7".</summary>
    public string Address => ColumnLetters(Column) + Row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsBlank => Value is null || (Value is string s && string.IsNullOrWhiteSpace(s));

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    public static string ColumnLetters(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        string letters = "";
        int n = column + 1;
        while (n > 0)
        {
            int rem = (n - 1) % 26;
            letters = (char)('A' + rem) + letters;
            n = (n - 1) / 26;
        }

        return letters;
    }
}
