using System.Globalization;
using System.Numerics;
using System.Text;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Parsing;

/// <summary>
/// Raw cell values (string, double, bool, DateTime from the reader) → domain values. Each parser returns either the
/// normalised value or one issue code of <c>rules.md</c>. Blank cells are not handled here: callers check
/// <see cref="Cell.IsBlank"/> first (REQUIRED is the validator's business).
/// </summary>
public static partial class CellParsers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Trimmed text of a cell as a person would read it; numbers without exponent or thousands separator,
    /// dates as jj/mm/aaaa, booleans as Oui/Non. Null for blank.</summary>
    public static string? Text(Cell? cell)
    {
        if (cell?.Value is null)
        {
            return null;
        }

        string text = cell.Value switch
        {
            string s => TrimVisible(s),
            double d => NumberText(d),
            bool b => b ? "Oui" : "Non",
            DateTime dt => dt.ToString("dd/MM/yyyy", Invariant),
            IFormattable f => f.ToString(null, Invariant).Trim(),
            object o => o.ToString()?.Trim() ?? "",
        };
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// The text of a structured field (identifier, code, number, date) as the member meant it: invisible format characters
    /// (zero-width space…) removed, full-width forms (« １２３ ») and the Unicode minus (U+2212) mapped to ASCII, trimmed,
    /// and one leading apostrophe dropped (LibreOffice keeps the « ' » typed in a text cell to force text).
    /// </summary>
    internal static string StructuredText(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (Cell.IsInvisible(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                '\u2212' or '\u2013' or '\u2010' or '\u2011' => '-',
                _ => c,
            });
        }

        string trimmed = builder.ToString().Trim();
        return trimmed.Length > 1 && trimmed[0] is '\'' or '\u2019' ? trimmed[1..].TrimStart() : trimmed;
    }

    /// <summary>Trimmed of white space and of invisible format characters at both ends.</summary>
    private static string TrimVisible(string text)
    {
        int start = 0;
        int end = text.Length;
        while (start < end && (char.IsWhiteSpace(text[start]) || Cell.IsInvisible(text[start])))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || Cell.IsInvisible(text[end - 1])))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>Integral double → exact digits (BigInteger beyond long), otherwise shortest round-trip text.</summary>
    private static string NumberText(double d)
    {
        if (double.IsFinite(d) && d == Math.Floor(d))
        {
            return Math.Abs(d) < 1e15 ? ((long)d).ToString(Invariant) : new BigInteger(d).ToString(Invariant);
        }

        return d.ToString("R", Invariant);
    }

    /// <summary>All Unicode spaces removed (stdnum's space set plus tabs).</summary>
    private static string? RemoveSpaces(string s)
    {
        var builder = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (!char.IsWhiteSpace(c) && !StdnumText.IsPythonSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Lower case without diacritics ("Évaluateur" → "evaluateur").</summary>
    internal static string Fold(string text) => TextFolding.Fold(text);
}
