using System.Globalization;
using System.Text;
using CleaNum.Core;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;

namespace CleaNum.Export;

/// <summary>French wording and formats shared by the reports.</summary>
internal static class FrenchText
{
    public static readonly CultureInfo Culture = FrenchCulture.Instance;

    /// <summary>"23/11/2026 à 14:05".</summary>
    public static string DateTimeText(DateTime parisTime) =>
        parisTime.ToString("dd/MM/yyyy 'à' HH:mm", Culture);

    public static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Error => "Erreur",
        Severity.Warning => "Avertissement",
        _ => "Information",
    };

    public static string StatusLabel(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => "Accepté",
        SubmissionStatus.AcceptedWithWarnings => "Accepté avec avertissements",
        SubmissionStatus.Refused => "Refusé",
        SubmissionStatus.Duplicate => "Doublon — déjà reçu",
        _ => status.ToString(),
    };

    /// <summary>"732829320" → "732 829 320": the one display rule, <see cref="Siren.Format"/>.</summary>
    public static string FormatSiren(string? siren) => Siren.Format(siren);

    /// <summary>Accents removed (é → e, œ → oe), then anything but ASCII letters, digits and '-' replaced by '_',
    /// runs of '_' collapsed, '_' and '-' trimmed at both ends. May return "".</summary>
    public static string FileNamePart(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (char c in TextFolding.RemoveDiacritics(text))
        {
            string mapped = c switch
            {
                'ß' => "ss",
                _ => char.IsAsciiLetterOrDigit(c) || c == '-' ? c.ToString() : "_",
            };
            foreach (char m in mapped)
            {
                if (m == '_' && builder.Length > 0 && builder[^1] == '_')
                {
                    continue;
                }

                builder.Append(m);
            }
        }

        string result = builder.ToString().Trim('_', '-');
        if (result.Length > maxLength)
        {
            result = result[..maxLength].TrimEnd('_', '-');
        }

        return result;
    }
}
