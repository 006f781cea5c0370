namespace CleaNum.Core.Parsing;

/// <summary>SIRET (14 digits). Same verdicts as python-stdnum 1.18 <c>stdnum.fr.siret</c>, La Poste rule included.</summary>
public static class Siret
{
    /// <summary>La Poste's SIREN: its establishments use a digit sum multiple of 5 instead of Luhn.</summary>
    public const string LaPosteSiren = "356000000";

    /// <summary>La Poste's head office, the one La Poste SIRET that follows Luhn.</summary>
    public const string LaPosteHeadOffice = "35600000000048";

    /// <summary>stdnum's <c>compact</c>: spaces and dots removed (Unicode spaces/dots mapped first), trimmed.</summary>
    public static string Compact(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return StdnumText.PythonStrip(StdnumText.Clean(number, " ."));
    }

    /// <summary>
    /// stdnum's <c>validate</c>: format (ASCII digits) → length (14) → checksum (Luhn on 14 digits, or for La Poste
    /// establishments other than the head office a digit sum multiple of 5) → SIREN part (Luhn on the first 9).
    /// </summary>
    public static IdentifierVerdict Check(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        string compact = Compact(number);
        if (!StdnumText.IsAsciiDigits(compact))
        {
            return IdentifierVerdict.InvalidFormat;
        }

        if (compact.Length != 14)
        {
            return IdentifierVerdict.InvalidLength;
        }

        bool checksumOk = compact.StartsWith(LaPosteSiren, StringComparison.Ordinal) && compact != LaPosteHeadOffice
            ? compact.Sum(c => c - '0') % 5 == 0
            : StdnumText.LuhnValid(compact);
        if (!checksumOk)
        {
            return IdentifierVerdict.InvalidChecksum;
        }

        return Siren.CheckCompact(compact[..9]);
    }

    public static bool IsValid(string number) => Check(number) == IdentifierVerdict.Valid;

    /// <summary>
    /// How a SIRET is shown to people, everywhere (stdnum's <c>format</c>): "73282932000074" → "732 829 320 00074". A
    /// value that is not 14 digits once spaces and dots are removed is shown as given; null or blank → "".
    /// </summary>
    public static string Format(string? siret)
    {
        if (string.IsNullOrWhiteSpace(siret))
        {
            return "";
        }

        string number = Compact(siret);
        return number.Length == 14 && StdnumText.IsAsciiDigits(number) ? $"{Siren.Format(number[..9])} {number[9..]}" : siret;
    }
}
