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

        string folded = TextFolding.Fold(text);
        var builder = new StringBuilder(folded.Length);
        bool pendingSpace = false;
        foreach (char c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(c);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
