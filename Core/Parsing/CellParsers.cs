using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using NafCode = CleaNum.Core.Parsing.Naf;
using SirenNumber = CleaNum.Core.Parsing.Siren;
using SiretNumber = CleaNum.Core.Parsing.Siret;

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
    /// 9 digits, verdict of python-stdnum's <c>siren.validate</c> on the text. A numeric cell is converted exactly; an
    /// 8-digit number is a SIREN whose leading zero Excel dropped and is padded. Codes: SIREN_FORMAT, SIREN_CHECKSUM,
    /// IDENTIFIER_PRECISION_LOST.
    /// </summary>
    public static Parsed<string> Siren(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        Parsed<string> raw = IdentifierText(cell, 9, IssueCodes.SirenFormat);
        if (!raw.IsOk)
        {
            return raw;
        }

        string compact = SirenNumber.Compact(raw.Value!);
        return SirenNumber.Check(compact) switch
        {
            IdentifierVerdict.Valid => Parsed<string>.Ok(compact),
            IdentifierVerdict.InvalidChecksum => Parsed<string>.Fail(IssueCodes.SirenChecksum, "clé de contrôle invalide"),
            IdentifierVerdict.InvalidLength when compact.Length == 14 =>
                Parsed<string>.Fail(IssueCodes.SirenFormat, "14 chiffres trouvés : c'est un SIRET, le SIREN en est les 9 premiers chiffres"),
            IdentifierVerdict.InvalidLength => Parsed<string>.Fail(IssueCodes.SirenFormat, LengthDetail(9, compact.Length)),
            _ => Parsed<string>.Fail(IssueCodes.SirenFormat, NotDigitsDetail),
        };
    }

    /// <summary>
    /// 14 digits, verdict of python-stdnum's <c>siret.validate</c> (La Poste rule included). A numeric cell is converted
    /// exactly; a 13-digit number is padded (Excel dropped the leading zero). Codes: SIRET_FORMAT, SIRET_CHECKSUM,
    /// SIRET_IS_SIREN (9 digits given), IDENTIFIER_PRECISION_LOST.
    /// </summary>
    public static Parsed<string> Siret(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        Parsed<string> raw = IdentifierText(cell, 14, IssueCodes.SiretFormat);
        if (!raw.IsOk)
        {
            return raw;
        }

        string compact = SiretNumber.Compact(raw.Value!);
        return SiretNumber.Check(compact) switch
        {
            IdentifierVerdict.Valid => Parsed<string>.Ok(compact),
            IdentifierVerdict.InvalidChecksum when cell.Value is double d && LooksRoundedByExcel(d) =>
                Parsed<string>.Fail(IssueCodes.IdentifierPrecisionLost,
                    $"le nombre {compact} se termine par des zéros : Excel l'a arrondi (affiché {d.ToString("0.#####E+00", Invariant)}), saisissez le numéro complet comme du texte"),
            IdentifierVerdict.InvalidChecksum => Parsed<string>.Fail(IssueCodes.SiretChecksum, "clé de contrôle invalide"),
            IdentifierVerdict.InvalidLength when compact.Length == 9 =>
                Parsed<string>.Fail(IssueCodes.SiretIsSiren, "9 chiffres trouvés : c'est un SIREN, le SIRET de l'établissement en a 14"),
            IdentifierVerdict.InvalidLength => Parsed<string>.Fail(IssueCodes.SiretFormat, LengthDetail(14, compact.Length)),
            _ => Parsed<string>.Fail(IssueCodes.SiretFormat, NotDigitsDetail),
        };
    }

    /// <summary>
    /// 5 digits; spaces allowed (" 75 008 "). A numeric cell of 3 to 5 digits is left-padded (1000 → "01000"): Excel
    /// dropped the zero. A <em>text</em> must hold the 5 digits (rules.md: only a numeric cell is padded), so a typed
    /// "7500" is POSTAL_CODE_FORMAT, not the 07500 of another département. Code: POSTAL_CODE_FORMAT.
    /// </summary>
    public static Parsed<string> PostalCode(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string? digits = cell.Value switch
        {
            double d => IntegralDigits(d, maxExclusive: 100_000) is { Length: >= 3 } s ? s.PadLeft(5, '0') : null,
            string s => RemoveSpaces(StructuredText(s)) is { Length: 5 } t && t.All(char.IsAsciiDigit) ? t : null,
            _ => null,
        };
        return digits is not null
            ? Parsed<string>.Ok(digits)
            : Parsed<string>.Fail(IssueCodes.PostalCodeFormat, "5 chiffres attendus");
    }

    /// <summary>NAF rév. 2 or NAF 2025, normalised "NN.NNL" ("8559a", "85 59 A" accepted). Code: NAF_FORMAT.</summary>
    public static Parsed<string> Naf(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Value is double)
        {
            return Parsed<string>.Fail(IssueCodes.NafFormat, "la lettre finale du code manque (format NN.NNL, ex. 85.59A)");
        }

        string? naf = Text(cell) is { } text ? NafCode.Normalize(StructuredText(text)) : null;
        return naf is not null
            ? Parsed<string>.Ok(naf)
            : Parsed<string>.Fail(IssueCodes.NafFormat, "format NN.NNL attendu, ex. 85.59A");
    }

    /// <summary>
    /// 11 digits; spaces, dots, dashes and slashes ignored ("11 75 12345 75"). A numeric cell is converted exactly and a
    /// 10-digit number padded (overseas numbers start with 0). Code: NDA_FORMAT.
    /// </summary>
    public static Parsed<string> Nda(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string? digits = cell.Value switch
        {
            double d => IntegralDigits(d, maxExclusive: 100_000_000_000) is { Length: >= 10 } s ? s.PadLeft(11, '0') : null,
            string s => RemoveSeparators(StructuredText(s)),
            _ => null,
        };
        if (digits is null || !digits.All(char.IsAsciiDigit))
        {
            return Parsed<string>.Fail(IssueCodes.NdaFormat, "11 chiffres attendus (format RR DD SSSSS DD)");
        }

        return digits.Length == 11
            ? Parsed<string>.Ok(digits)
            : Parsed<string>.Fail(IssueCodes.NdaFormat, LengthDetail(11, digits.Length));
    }

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

    /// <summary>
    /// An Excel date, an Excel serial number (1900 system: 1 = 01/01/1900, 60 = the 29/02/1900 Excel invents, refused)
    /// or a text jj/mm/aaaa (also j/m/aaaa, jj-mm-aaaa, jj.mm.aaaa, aaaa-mm-jj, a time part ignored). Code: DATE_FORMAT.
    /// </summary>
    public static Parsed<DateOnly> Date(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        const string expected = "date jj/mm/aaaa attendue";
        switch (cell.Value)
        {
            case DateTime dt:
                return Parsed<DateOnly>.Ok(DateOnly.FromDateTime(dt));
            case double serial:
                if (double.IsNaN(serial) || serial < 1 || serial >= 2_958_466)
                {
                    return Parsed<DateOnly>.Fail(IssueCodes.DateFormat, expected);
                }

                int day = (int)Math.Floor(serial);
                if (day == 60)
                {
                    return Parsed<DateOnly>.Fail(IssueCodes.DateFormat, "le 29/02/1900 n'existe pas");
                }

                DateOnly origin = day < 60 ? new DateOnly(1899, 12, 31) : new DateOnly(1899, 12, 30);
                return Parsed<DateOnly>.Ok(origin.AddDays(day));
            case string s:
                string text = StructuredText(s);
                if (text.Length == 5 && text.All(char.IsAsciiDigit))
                {
                    // a serial number kept as text (10000 = 1927, 99999 = 2173): what a date becomes through a text export
                    return Date(new Cell(cell.Row, cell.Column, double.Parse(text, Invariant)));
                }

                return ParseDateText(text) is { } date
                    ? Parsed<DateOnly>.Ok(date)
                    : Parsed<DateOnly>.Fail(IssueCodes.DateFormat, expected);
            default:
                return Parsed<DateOnly>.Fail(IssueCodes.DateFormat, expected);
        }
    }

    /// <summary>
    /// A year: a number (2023), a 4-digit text (also "2 024", "2024.0"), a date (its year), a date text or a month and
    /// year ("09/2023", "sept. 2023"). A date cell of 1902–1927 is the year typed in a cell formatted as a date (2024
    /// shows as 16/07/1905): its serial number is the year. Anything that is not a 4-digit year (1000–9999) is
    /// YEAR_INVALID; the campaign range is the caller's check.
    /// </summary>
    public static Parsed<int> Year(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        int? year = cell.Value switch
        {
            double d when d == Math.Floor(d) && d is >= 1000 and <= 9999 => (int)d,
            DateTime dt when YearTypedInDateCell(dt) is { } typed => typed,
            DateTime dt => dt.Year,
            string s => YearOfText(StructuredText(s)),
            _ => null,
        };
        if (year is >= 1000 and <= 9999)
        {
            return Parsed<int>.Ok(year.Value);
        }

        return cell.Value is string text && YearRange().Match(StructuredText(text)) is { Success: true } range
            ? Parsed<int>.Fail(IssueCodes.YearInvalid, $"une seule année attendue : indiquez la plus récente, {LaterYear(range)}")
            : Parsed<int>.Fail(IssueCodes.YearInvalid, "année sur 4 chiffres attendue");
    }

    /// <summary>"2024", "2 024", "2024.0", a date text or a month and year ("09/2023", "septembre 2023"); null otherwise.</summary>
    private static int? YearOfText(string text)
    {
        string compact = RemoveSpaces(text) ?? "";
        if (DecimalZeroSuffix().Match(compact) is { Success: true } zero)
        {
            compact = zero.Groups[1].Value;
        }

        if (compact.Length == 4 && compact.All(char.IsAsciiDigit))
        {
            return int.Parse(compact, Invariant);
        }

        if (ParseDateText(text) is { } date)
        {
            return date.Year;
        }

        if (MonthYear().Match(text) is { Success: true } numeric && int.Parse(numeric.Groups["m"].Value, Invariant) is >= 1 and <= 12)
        {
            return int.Parse(numeric.Groups["y"].Value, Invariant);
        }

        return MonthNameYear().Match(Fold(text)) is { Success: true } named && FrenchMonths.Any(names => names.Contains(named.Groups["m"].Value))
            ? int.Parse(named.Groups["y"].Value, Invariant)
            : null;
    }

    /// <summary>The serial number of a date cell of 1902–1927 with no time: a year typed in a cell formatted as a date.</summary>
    private static int? YearTypedInDateCell(DateTime dt)
    {
        if (dt.TimeOfDay != TimeSpan.Zero)
        {
            return null;
        }

        int serial = (DateOnly.FromDateTime(dt).DayNumber - new DateOnly(1899, 12, 30).DayNumber);
        return serial is >= 1900 and <= 2199 ? serial : null;
    }

    /// <summary>
    /// A non-negative integer: 3, 3.0, "3", " 3 ", "1 200", "3,0", "4 personnes" (a whole number followed by the word
    /// counted). An approximation ("≈ 12", "environ 12", "12+") is not a count. Code: NUMBER_FORMAT.
    /// </summary>
    public static Parsed<int> Count(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        double? number = cell.Value switch
        {
            double d => d,
            string s when CountWithUnit().Match(Fold(StructuredText(s))) is { Success: true } unit => double.Parse(unit.Groups[1].Value, Invariant),
            string s when double.TryParse(
                RemoveSpaces(StructuredText(s))?.Replace(',', '.'),
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                Invariant,
                out double parsed) => parsed,
            _ => null,
        };
        if (number is not { } n || double.IsNaN(n))
        {
            return Parsed<int>.Fail(IssueCodes.NumberFormat, "nombre entier attendu");
        }

        if (n < 0)
        {
            return Parsed<int>.Fail(IssueCodes.NumberFormat, "nombre positif ou nul attendu");
        }

        return n == Math.Floor(n) && n <= int.MaxValue
            ? Parsed<int>.Ok((int)n)
            : Parsed<int>.Fail(IssueCodes.NumberFormat, "nombre entier attendu");
    }

    /// <summary>
    /// Oui/Non, also O/N, X (ticked), Yes/No, Y, Vrai/Faux, true/false, 1/0 and a boolean cell; case, accents and a final
    /// full stop ignored. Unrecognised: code REQUIRED with the detail "Répondez Oui ou Non".
    /// </summary>
    public static Parsed<bool> YesNo(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        bool? answer = cell.Value switch
        {
            bool b => b,
            double d when d == 1 => true,
            double d when d == 0 => false,
            string s => Fold(StructuredText(s)).Trim().TrimEnd('.', '!').Trim() switch
            {
                "oui" or "o" or "x" or "yes" or "y" or "vrai" or "true" or "1" => true,
                "non" or "n" or "no" or "faux" or "false" or "0" => false,
                _ => null,
            },
            _ => null,
        };
        return answer is { } value
            ? Parsed<bool>.Ok(value)
            : Parsed<bool>.Fail(IssueCodes.Required, "Répondez Oui ou Non");
    }

    /// <summary>
    /// Évaluateur / Formateur / Évaluateur et formateur: accents, case, plural and feminine forms, abbreviations
    /// (Eval., Form., Éval. et form.), initials (E, F, E+F, E/F), inclusive forms (Formateur(trice), Évaluateur·rice),
    /// separators (et, ou, &amp;, /, +, -), "Les deux" and the qualifiers that do not change the role (« CléA numérique »,
    /// « habilité », « certifié », « référent ») accepted. Code: ROLE_UNKNOWN.
    /// </summary>
    public static Parsed<IntervenantRole> Role(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string folded = cell.Value is string s ? Fold(s) : "";
        string[] words = WordSplit().Split(folded).Where(w => w.Length > 0).ToArray();
        IntervenantRole role = IntervenantRole.None;
        bool unknownWord = words.Length == 0;
        if (string.Join(' ', words) is "les deux" or "deux" or "les 2" or "both" or "les deux roles")
        {
            role = IntervenantRole.Both;
        }
        else if (words.Length > 0 && words.All(w => w is "e" or "f" or "et" or "ou" or "and" or "or") && words.Any(w => w is "e" or "f"))
        {
            // "E", "F", "E+F", "E/F", "E et F": the initials a network head's tables often use
            role = (words.Contains("e") ? IntervenantRole.Evaluator : IntervenantRole.None)
                   | (words.Contains("f") ? IntervenantRole.Trainer : IntervenantRole.None);
        }
        else
        {
            foreach (string word in words)
            {
                if (word.StartsWith("eval", StringComparison.Ordinal))
                {
                    role |= IntervenantRole.Evaluator;
                }
                else if (word.StartsWith("form", StringComparison.Ordinal))
                {
                    role |= IntervenantRole.Trainer;
                }
                else if (word is not ("et" or "ou" or "and" or "or" or "e" or "es" or "rice" or "rices" or "trice" or "trices") && !RoleQualifier().IsMatch(word))
                {
                    unknownWord = true;
                }
            }
        }

        return role != IntervenantRole.None && !unknownWord
            ? Parsed<IntervenantRole>.Ok(role)
            : Parsed<IntervenantRole>.Fail(IssueCodes.RoleUnknown, "Évaluateur, Formateur ou Évaluateur et formateur attendu");
    }

    /// <summary>
    /// Numbers 1–4 ("1;2;4", "1, 3", "1 et 2", "D1", "Domaine 3", a numeric cell 2) or the labels of the four domains,
    /// whole or by a distinctive keyword ("sécurité" → 4, "collaboratif" → 3), separated by ; , / + &amp; or new lines;
    /// accents and case ignored. A numeric cell 1.2 is what French Excel makes of "1,2" and reads as domains 1 and 2.
    /// Result: distinct, sorted. Code: DOMAIN_UNKNOWN with the unrecognised part in the detail.
    /// </summary>
    public static Parsed<IReadOnlyList<CleaDomain>> Domains(Cell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        string text = cell.Value switch
        {
            double d => d.ToString("R", Invariant).Replace('.', ';'),
            string s => s,
            _ => Text(cell) ?? "",
        };
        var found = new SortedSet<CleaDomain>();
        foreach (string part in DomainSeparators().Split(text).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            List<CleaDomain>? domains = DomainsOfPart(part);
            if (domains is null)
            {
                return Parsed<IReadOnlyList<CleaDomain>>.Fail(IssueCodes.DomainUnknown, $"« {part} »");
            }

            found.UnionWith(domains);
        }

        return found.Count > 0
            ? Parsed<IReadOnlyList<CleaDomain>>.Ok([.. found])
            : Parsed<IReadOnlyList<CleaDomain>>.Fail(IssueCodes.DomainUnknown, $"« {text.Trim()} »");
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

    /// <summary>"2024-2025", "2024/25", "2024 à 2025": the later year of the span, written in full.</summary>
    private static int LaterYear(Match range)
    {
        int first = int.Parse(range.Groups["a"].Value, Invariant);
        string second = range.Groups["b"].Value;
        int other = second.Length == 2 ? (first / 100 * 100) + int.Parse(second, Invariant) : int.Parse(second, Invariant);
        return Math.Max(first, other);
    }

    private const string NotDigitsDetail = "seuls des chiffres sont attendus (espaces et points acceptés)";

    private static string LengthDetail(int expected, int found) =>
        $"{expected} chiffres attendus, {found} trouvé{(found > 1 ? "s" : "")}";

    /// <summary>Integral double → exact digits (BigInteger beyond long), otherwise shortest round-trip text.</summary>
    private static string NumberText(double d)
    {
        if (double.IsFinite(d) && d == Math.Floor(d))
        {
            return Math.Abs(d) < 1e15 ? ((long)d).ToString(Invariant) : new BigInteger(d).ToString(Invariant);
        }

        return d.ToString("R", Invariant);
    }

    /// <summary>Digits of a non-negative integral double below <paramref name="maxExclusive"/>, else null.</summary>
    private static string? IntegralDigits(double d, long maxExclusive) =>
        double.IsFinite(d) && d >= 0 && d < maxExclusive && d == Math.Floor(d) ? ((long)d).ToString(Invariant) : null;

    /// <summary>
    /// The text to hand to stdnum for a SIREN/SIRET cell, or IDENTIFIER_PRECISION_LOST / *_FORMAT when the cell cannot
    /// hold the exact identifier.
    /// </summary>
    private static Parsed<string> IdentifierText(Cell cell, int length, string formatCode)
    {
        switch (cell.Value)
        {
            case double d:
                if (!double.IsFinite(d) || d < 0)
                {
                    return Parsed<string>.Fail(formatCode, NotDigitsDetail);
                }

                if (d != Math.Floor(d))
                {
                    return Parsed<string>.Fail(IssueCodes.IdentifierPrecisionLost,
                        "nombre à virgule : saisissez l'identifiant comme du texte");
                }

                if (d >= 1e15)
                {
                    return Parsed<string>.Fail(IssueCodes.IdentifierPrecisionLost,
                        "plus de 15 chiffres : Excel a arrondi le nombre, saisissez-le comme du texte");
                }

                string digits = ((long)d).ToString(Invariant);
                return Parsed<string>.Ok(digits.Length == length - 1 ? "0" + digits : digits);
            case string raw:
                string s = StructuredText(raw);
                if (ScientificPattern().IsMatch(s))
                {
                    return Parsed<string>.Fail(IssueCodes.IdentifierPrecisionLost,
                        $"« {s} » est une notation scientifique : des chiffres ont été perdus, saisissez le numéro complet comme du texte");
                }

                // "73282932000074.0": a number turned into text by a script or a CSV export; the digits are all there.
                Match decimalZero = DecimalZeroSuffix().Match(s);
                return Parsed<string>.Ok(decimalZero.Success && decimalZero.Groups[1].Length >= length - 1 ? decimalZero.Groups[1].Value : s);
            default:
                return Parsed<string>.Fail(formatCode, NotDigitsDetail);
        }
    }

    /// <summary>
    /// A number of 12 digits or more that keeps only the 6 significant digits Excel's « Standard » format shows
    /// (7,32829E+13 → 73282900000000): what is left after a round trip through the displayed text.
    /// </summary>
    private static bool LooksRoundedByExcel(double d)
    {
        if (!double.IsFinite(d) || d < 1e11 || d >= 1e15)
        {
            return false;
        }

        long value = (long)d;
        long unit = 1;
        for (int digits = value.ToString(Invariant).Length; digits > 6; digits--)
        {
            unit *= 10;
        }

        return value % unit == 0;
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

    private static string RemoveSeparators(string s)
    {
        var builder = new StringBuilder(s.Length);
        foreach (char c in StdnumText.Clean(s, " .-/"))
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
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

    private static DateOnly? ParseDateText(string text)
    {
        Match match = DayFirstDate().Match(text);
        (string day, string month, string year) parts;
        if (match.Success)
        {
            parts = (match.Groups["d"].Value, match.Groups["m"].Value, match.Groups["y"].Value);
        }
        else if ((match = IsoDate().Match(text)).Success)
        {
            parts = (match.Groups["d"].Value, match.Groups["m"].Value, match.Groups["y"].Value);
        }
        else if ((match = FrenchLongDate().Match(Fold(text))).Success
                 && Array.FindIndex(FrenchMonths, names => names.Contains(match.Groups["m"].Value)) is var month and >= 0)
        {
            parts = (match.Groups["d"].Value, (month + 1).ToString(Invariant), match.Groups["y"].Value);
        }
        else
        {
            return null;
        }

        int d = int.Parse(parts.day, Invariant);
        int m = int.Parse(parts.month, Invariant);
        int y = int.Parse(parts.year, Invariant);

        return m is >= 1 and <= 12 && y >= 1 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;
    }

    /// <summary>French month names and their usual abbreviations, folded (lower case, no accents), January first.</summary>
    private static readonly string[][] FrenchMonths =
    [
        ["janvier", "janv", "jan"], ["fevrier", "fevr", "fev"], ["mars", "mar"], ["avril", "avr"], ["mai"], ["juin"],
        ["juillet", "juil"], ["aout"], ["septembre", "sept", "sep"], ["octobre", "oct"], ["novembre", "nov"], ["decembre", "dec"],
    ];

    /// <summary>Lower case without diacritics ("Évaluateur" → "evaluateur").</summary>
    internal static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static List<CleaDomain>? DomainsOfPart(string part)
    {
        string punctuated = Fold(part).Trim();

        // "Tous (1 à 4)", "3 (Interagir en mode collaboratif)": the two sides, when both read as domains
        Match aside = DomainAside().Match(punctuated);
        if (aside.Success
            && DomainsOfPart(aside.Groups["out"].Value + " " + aside.Groups["after"].Value) is { } outside
            && DomainsOfPart(aside.Groups["in"].Value) is { } inside
            && outside.Count + inside.Count > 0)
        {
            return [.. outside.Union(inside)];
        }

        string folded = string.Join(' ', WordSplit().Split(punctuated).Where(w => w.Length > 0));
        if (folded.Length == 0)
        {
            return [];
        }

        // "tous", "Tous les domaines", "les 4", "les quatre domaines CléA numérique"
        if (AllDomains().IsMatch(folded))
        {
            return [CleaDomain.Environment, CleaDomain.Information, CleaDomain.Collaboration, CleaDomain.Security];
        }

        // "1 à 4" (the template's own hint), "de 1 à 3", "D1-D4", "1–4", "Domaines 1 au 4": every domain of the span
        Match span = DomainSpan().Match(punctuated);
        if (span.Success && span.Groups["a"].Value[0] < span.Groups["b"].Value[0])
        {
            return [.. Enumerable.Range(span.Groups["a"].Value[0] - '0', span.Groups["b"].Value[0] - span.Groups["a"].Value[0] + 1).Select(d => (CleaDomain)d)];
        }

        // "2", "D2", "Domaine 2", "2 - Acquérir…" (a number followed by words but no other number)
        Match number = DomainNumber().Match(folded);
        if (number.Success && !OtherNumber().IsMatch(folded[number.Length..]))
        {
            return [(CleaDomain)(number.Groups[1].Value[0] - '0')];
        }

        if (DomainByKeyword(folded) is { } domain)
        {
            return [domain];
        }

        // "1 et 2", "1 2 3", "information et sécurité"
        string[] pieces = [.. DomainConjunctions().Split(folded).Select(p => p.Trim()).Where(p => p.Length > 0)];
        if (pieces.Length < 2)
        {
            return null;
        }

        var all = new List<CleaDomain>();
        foreach (string piece in pieces)
        {
            if (DomainsOfPart(piece) is not { } sub)
            {
                return null;
            }

            all.AddRange(sub);
        }

        return all;
    }

    private static CleaDomain? DomainByKeyword(string folded)
    {
        var strong = new HashSet<CleaDomain>();
        if (ContainsAny(folded, "information", "acquerir", "exploiter"))
        {
            strong.Add(CleaDomain.Information);
        }

        if (ContainsAny(folded, "collabora", "interagir", "collaborer", "cooperati"))
        {
            strong.Add(CleaDomain.Collaboration);
        }

        if (ContainsAny(folded, "securite", "bonnes pratiques", "regles", "cyber"))
        {
            strong.Add(CleaDomain.Security);
        }

        if (strong.Count == 1)
        {
            return strong.First();
        }

        return strong.Count == 0 && ContainsAny(folded, "environnement", "outils", "identifier") ? CleaDomain.Environment : null;
    }

    private static bool ContainsAny(string text, params ReadOnlySpan<string> keywords)
    {
        foreach (string keyword in keywords)
        {
            if (text.Contains(keyword, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\s*[+-]?[0-9]+(?:[.,][0-9]*)?\s*[eE]\s*[+-]?\s*[0-9]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ScientificPattern();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:[a-z]{2,}|xn--[a-z0-9-]+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s*[/.\-]\s*(?<m>[0-9]{1,2})\s*[/.\-]\s*(?<y>[0-9]{4})(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstDate();

    [GeneratedRegex(@"^(?<y>[0-9]{4})\s*[/.\-]\s*(?<m>[0-9]{1,2})\s*[/.\-]\s*(?<d>[0-9]{1,2})(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordSplit();

    /// <summary>« 1er janvier 2029 », « lundi 30 juin 2028 », « 30-juin-2028 », « 1 janv. 2029 » (folded text).</summary>
    [GeneratedRegex(@"^(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?<d>[0-9]{1,2})(?:er|e)?\s*[\s\-./]\s*(?<m>[a-z]+)\.?\s*[\s\-./]?\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex FrenchLongDate();

    [GeneratedRegex(@"^(?<a>[0-9]{4})\s*(?:-|/|a|au|à)\s*(?<b>[0-9]{4}|[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearRange();

    /// <summary>"09/2023", "9-2023", "09.2023".</summary>
    [GeneratedRegex(@"^(?<m>[0-9]{1,2})\s*[/.\-]\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();

    /// <summary>"septembre 2023", "sept. 2023", "sept-2023" (folded text).</summary>
    [GeneratedRegex(@"^(?<m>[a-z]+)\.?\s*[\-./]?\s*(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthNameYear();

    [GeneratedRegex(@"^([0-9]{1,15})[.,]0+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalZeroSuffix();

    /// <summary>"4 personnes", "3 évaluateurs", "12 pers." (folded text).</summary>
    [GeneratedRegex(@"^([0-9]{1,9})\s*(?:personnes?|pers\.?|evaluateurs?|evaluatrices?|formateurs?|formatrices?|salaries?|stagiaires?|candidats?|intervenants?|beneficiaires?|apprenants?)$", RegexOptions.CultureInvariant)]
    private static partial Regex CountWithUnit();

    /// <summary>Folded words that qualify a role without changing it: "Formateur CléA numérique", "Évaluateur habilité", "Formatrice référente".</summary>
    [GeneratedRegex(@"^(?:clea|numerique|habilitee?s?|certifiee?s?|referente?s?)$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleQualifier();

    [GeneratedRegex(@"[;,/+&|\n\r]+", RegexOptions.CultureInvariant)]
    private static partial Regex DomainSeparators();

    /// <summary>Folded words meaning the four domains: "tous", "toutes", "tous les domaines", "les 4", "l'ensemble des domaines".</summary>
    [GeneratedRegex(@"^(?:(?:tous|toutes)(?: les)?(?: (?:4|quatre))?|les (?:4|quatre)|l ensemble(?: des)?|ensemble des|all)(?: domaines?)?(?: clea)?(?: numerique)?$", RegexOptions.CultureInvariant)]
    private static partial Regex AllDomains();

    /// <summary>A span of two domain numbers (folded text, punctuation kept): "1 a 4", "de 1 au 3", "d1-d4", "1–4", "domaines 1 a 4".</summary>
    [GeneratedRegex(@"^(?:(?:de|du|des)\s+)?(?:(?:domaines?|dom|d)\s*)?(?<a>[1-4])\s*(?:a|au|jusqu'?au?|jusqu’au?|-|–|—)\s*(?:(?:domaines?|dom|d)\s*)?(?<b>[1-4])$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainSpan();

    /// <summary>A text with one parenthesised aside (folded): "tous (1 a 4)", "3 (interagir en mode collaboratif)".</summary>
    [GeneratedRegex(@"^(?<out>[^()]*)\((?<in>[^()]+)\)(?<after>[^()]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainAside();

    [GeneratedRegex(@"\bet\b|\band\b|(?<!\b(?:domaines?|dom|d|n|no|numero))\s(?=[1-4]\b)", RegexOptions.CultureInvariant)]
    private static partial Regex DomainConjunctions();

    [GeneratedRegex(@"^(?:domaines?|dom|d|n|no|numero)?\s*([1-4])\b", RegexOptions.CultureInvariant)]
    private static partial Regex DomainNumber();

    [GeneratedRegex(@"\b[0-9]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex OtherNumber();
}
