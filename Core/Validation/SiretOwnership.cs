using CleaNum.Core.Issues;
using CleaNum.Core.Parsing;

namespace CleaNum.Core.Validation;

/// <summary>Whether a SIRET cell belongs to the member's SIREN (SIRET_SIREN_MISMATCH of establishments and intervenants).</summary>
internal static class SiretOwnership
{
    /// <summary>True when there is nothing to compare (no member SIREN, no readable SIRET) or the SIRET starts with the SIREN.</summary>
    public static bool Belongs(SheetRecord r, string key, string? memberSiren) =>
        memberSiren is null || Digits(r, key) is not { } siret || siret.StartsWith(memberSiren, StringComparison.Ordinal);

    /// <summary>"732 829 320 00074", or the text as typed when it is not 14 digits.</summary>
    public static string Display(SheetRecord r, string key) =>
        Digits(r, key) is { } siret ? IssueMessages.Identifier(siret, 14) : r.Text(key) ?? "";

    /// <summary>
    /// The 14 digits of a valid SIRET, or of a SIRET whose only fault is its check digit: a number of another company
    /// is reported as not belonging to the member even when it was also mistyped (SIRET_CHECKSUM and SIRET_SIREN_MISMATCH).
    /// </summary>
    public static string? Digits(SheetRecord r, string key)
    {
        if (r.Cell(key) is not { IsBlank: false } cell)
        {
            return null;
        }

        if (r.TryParse(key, out string siret))
        {
            return siret;
        }

        if (r.Parsed(key)?.Code != IssueCodes.SiretChecksum || CellParsers.Text(cell) is not { } text)
        {
            return null;
        }

        string digits = Parsing.Siret.Compact(text);
        return cell.Value is double && digits.Length == 13 ? "0" + digits : digits;
    }
}
