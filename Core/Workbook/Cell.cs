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

    /// <summary>
    /// The error a formula left in the cell (« #N/A », « #REF! », « #VALUE! »…) when the file stores one; the cell is then
    /// blank (<see cref="Value"/> null) and the error is what the member sees.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>"C7".</summary>
    public string Address => ColumnLetters(Column) + Row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsBlank => Value is null || (Value is string s && IsBlankText(s));

    /// <summary>
    /// True when <paramref name="text"/> holds nothing a person can see: white space (non-breaking spaces included) and
    /// invisible format characters (zero-width space U+200B, zero-width joiners, BOM U+FEFF, soft hyphen…).
    /// </summary>
    public static bool IsBlankText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c) && !IsInvisible(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A format character (Unicode category Cf: zero-width space, joiners, BOM, soft hyphen, direction marks).</summary>
    public static bool IsInvisible(char c) => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    /// <summary>The 0-based column of a reference's leading letters, either case ("C7" → 2, "aa1" → 26); null when the
    /// reference does not start with a letter.</summary>
    public static int? ColumnOf(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        int column = 0;
        int i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return i == 0 ? null : column - 1;
    }

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
