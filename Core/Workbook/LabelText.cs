using System.Globalization;
using System.Text;

namespace CleaNum.Core.Workbook;

/// <summary>Label matching as <c>member-workbook.md</c> says: case, accents, punctuation, repeated spaces and a trailing
/// parenthesised hint are ignored (<c>"SIRET (14 chiffres)"</c> = <c>"siret"</c>, <c>"N° SIRET"</c> → <c>"n siret"</c>).</summary>
public static class LabelText
{
    private static readonly char[] TrailingMarks = ['*', ' ', ':'];

    public static string Normalize(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return "";
        }

        string text = label.Trim();

        // Drop trailing parenthesised hints, possibly several: "SIRET (14 chiffres) (obligatoire)".
        while (text.EndsWith(')'))
        {
            int open = text.LastIndexOf('(');
            if (open <= 0)
            {
                break;
            }

            text = text[..open].TrimEnd();
        }

        // A trailing "*" marks required columns in some templates.
        text = text.TrimEnd(TrailingMarks);

        string decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        bool pendingSpace = false;
        foreach (char c in decomposed)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            char folded = c switch
            {
                'œ' or 'Œ' => 'o',
                'æ' or 'Æ' => 'a',
                _ => c,
            };
            if (char.IsLetterOrDigit(folded))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(folded));
                if (c is 'œ' or 'Œ')
                {
                    builder.Append('e');
                }
                else if (c is 'æ' or 'Æ')
                {
                    builder.Append('e');
                }
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
