namespace CleaNum.Core.Parsing;

/// <summary>SIREN (9 digits, Luhn). Same verdicts as python-stdnum 1.18 <c>stdnum.fr.siren</c>.</summary>
public static class Siren
{
    /// <summary>stdnum's <c>compact</c>: spaces and dots removed (Unicode spaces/dots mapped first), trimmed.</summary>
    public static string Compact(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return StdnumText.PythonStrip(StdnumText.Clean(number, " ."));
    }

    /// <summary>stdnum's <c>validate</c>: format (ASCII digits) → length (9) → Luhn.</summary>
    public static IdentifierVerdict Check(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return CheckCompact(Compact(number));
    }

    public static bool IsValid(string number) => Check(number) == IdentifierVerdict.Valid;

    /// <summary>
    /// How a SIREN is shown to people, everywhere (reports, annex, messages): "732829320" → "732 829 320". A value that
    /// is not 9 digits once spaces and dots are removed is shown as given; null or blank → "".
    /// </summary>
    public static string Format(string? siren)
    {
        if (string.IsNullOrWhiteSpace(siren))
        {
            return "";
        }

        string number = Compact(siren);
        return number.Length == 9 && StdnumText.IsAsciiDigits(number) ? $"{number[..3]} {number[3..6]} {number[6..]}" : siren;
    }

    internal static IdentifierVerdict CheckCompact(string number)
    {
        if (!StdnumText.IsAsciiDigits(number))
        {
            return IdentifierVerdict.InvalidFormat;
        }

        if (number.Length != 9)
        {
            return IdentifierVerdict.InvalidLength;
        }

        return StdnumText.LuhnValid(number) ? IdentifierVerdict.Valid : IdentifierVerdict.InvalidChecksum;
    }
}
