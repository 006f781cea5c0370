using System.Text.RegularExpressions;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Parsing;

// E-mail, phone and web address cells.
public static partial class CellParsers
{
    /// <summary>An address such as "prenom.nom@organisme.fr" ("mailto:" removed). Code: EMAIL_FORMAT.</summary>
    public static Parsed<string> Email(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string? text = cell.Value is string ? Text(cell) : null;
        if (text is not null && text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..].Trim();
        }

        return text is not null && EmailPattern().IsMatch(text)
            ? Parsed<string>.Ok(text)
            : Parsed<string>.Fail(IssueCodes.EmailFormat, "adresse de la forme nom@domaine.fr attendue");
    }

    /// <summary>
    /// French phone: 10 digits starting with 0, or +33 / 0033 followed by 9 digits (also the overseas +262, +269,
    /// +590, +594, +596), "(0)" ignored; spaces, dots, dashes allowed. A numeric cell of 9 digits lost its leading 0.
    /// Normalised "01 23 45 67 89". Code: PHONE_FORMAT (a warning: the trimmed text is kept as the value).
    /// </summary>
    public static Parsed<string> Phone(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string? national = cell.Value switch
        {
            double d => IntegralDigits(d, maxExclusive: 1_000_000_000_000) switch
            {
                { Length: 9 } s when s[0] != '0' => "0" + s,
                { Length: 11 } s when s.StartsWith("33", StringComparison.Ordinal) && s[2] != '0' => "0" + s[2..],
                _ => null,
            },
            string s => NationalPhone(StructuredText(s)),
            _ => null,
        };
        if (national is null)
        {
            return new Parsed<string>(Text(cell), IssueCodes.PhoneFormat, "10 chiffres commençant par 0, ou +33 suivi de 9 chiffres");
        }

        return Parsed<string>.Ok(string.Join(' ', Enumerable.Range(0, 5).Select(i => national.Substring(i * 2, 2))));
    }

    /// <summary>
    /// A web address; "www.organisme.fr" without scheme is accepted as is. Code: URL_FORMAT (a warning: the trimmed text
    /// is kept as the value).
    /// </summary>
    public static Parsed<string> Url(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string? text = cell.Value is string ? Text(cell) : null;
        if (text is not null && !text.Any(char.IsWhiteSpace))
        {
            string candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
            if (Uri.TryCreate(candidate, UriKind.Absolute, out Uri? uri)
                && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                && HostPattern().IsMatch(uri.IdnHost))
            {
                return Parsed<string>.Ok(text);
            }
        }

        return new Parsed<string>(Text(cell), IssueCodes.UrlFormat, "adresse de site de la forme www.organisme.fr attendue");
    }

    private static string? NationalPhone(string s)
    {
        string compact = RemoveSeparators(s.Replace("(0)", "", StringComparison.Ordinal)).Replace("(", "", StringComparison.Ordinal)
            .Replace(")", "", StringComparison.Ordinal);
        if (compact.StartsWith("00", StringComparison.Ordinal))
        {
            compact = "+" + compact[2..];
        }

        if (compact.StartsWith('+'))
        {
            string international = compact[1..];
            foreach (string country in (ReadOnlySpan<string>)["33", "262", "269", "590", "594", "596"])
            {
                if (international.StartsWith(country, StringComparison.Ordinal))
                {
                    string rest = international[country.Length..];
                    return rest.Length == 9 && rest[0] != '0' && rest.All(char.IsAsciiDigit) ? "0" + rest : null;
                }
            }

            return null;
        }

        return compact.Length == 10 && compact[0] == '0' && compact[1] != '0' && compact.All(char.IsAsciiDigit) ? compact : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HostPattern();
}
