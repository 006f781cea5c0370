using System.Text;
using System.Text.RegularExpressions;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using NafCode = CleaNum.Core.Parsing.Naf;
using SirenNumber = CleaNum.Core.Parsing.Siren;
using SiretNumber = CleaNum.Core.Parsing.Siret;

namespace CleaNum.Core.Parsing;

// SIREN, SIRET, postal code, NAF and NDA cells: exact digits, Excel's lost zeros and rounded numbers.
public static partial class CellParsers
{
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

    private const string NotDigitsDetail = "seuls des chiffres sont attendus (espaces et points acceptés)";

    private static string LengthDetail(int expected, int found) =>
        $"{expected} chiffres attendus, {found} trouvé{(found > 1 ? "s" : "")}";

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

    [GeneratedRegex(@"^\s*[+-]?[0-9]+(?:[.,][0-9]*)?\s*[eE]\s*[+-]?\s*[0-9]+\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ScientificPattern();

    [GeneratedRegex(@"^([0-9]{1,15})[.,]0+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalZeroSuffix();
}
