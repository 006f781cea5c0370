using System.Globalization;
using System.Text;

namespace CleaNum.Export.Spreadsheet;

/// <summary>Cell text and references.</summary>
internal static partial class SpreadsheetWriter
{
    private const int MaxCellText = 32_767;

    /// <summary>Drops characters XML 1.0 cannot hold (control characters, lone surrogates), normalises line breaks and
    /// cuts the text at Excel's 32,767 characters.</summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        bool clean = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' || (c < 0x20 && c != '\n' && c != '\t') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                clean = false;
                break;
            }
        }

        if (!clean)
        {
            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                    {
                        builder.Append('\n');
                    }
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }
                else if (!((c < 0x20 && c != '\n' && c != '\t') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c)))
                {
                    builder.Append(c);
                }
            }

            text = builder.ToString();
        }

        if (text.Length > MaxCellText)
        {
            int cut = MaxCellText;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            text = text[..cut];
        }

        return text;
    }

    /// <summary>1 → "A", 27 → "AA" (1-based, as the writer counts columns).</summary>
    internal static string ColumnName(int column) => column <= 0 ? "" : CleaNum.Core.Workbook.Cell.ColumnLetters(column - 1);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
