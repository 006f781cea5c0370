using System.Globalization;
using System.Text;

namespace CleaNum.Core;

/// <summary>
/// Accent folding, the one rule behind label matching (<see cref="Workbook.LabelText"/>), région names, the words the
/// cell parsers recognise and the ASCII file names of the reports: diacritics removed ("Île" → "Ile") and the French
/// ligatures spelled out ("Œuvre" → "Oeuvre", "æ" → "ae").
/// </summary>
public static class TextFolding
{
    /// <summary>"Évaluateur œuvre" → "Evaluateur oeuvre": case kept, diacritics removed, œ/æ spelled out.</summary>
    public static string RemoveDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'œ': builder.Append("oe"); break;
                case 'Œ': builder.Append("OE"); break;
                case 'æ': builder.Append("ae"); break;
                case 'Æ': builder.Append("AE"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>"Évaluateur" → "evaluateur": <see cref="RemoveDiacritics"/> in lower case.</summary>
    public static string Fold(string text) => RemoveDiacritics(text).ToLowerInvariant();
}
