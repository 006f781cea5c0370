using System.Text.RegularExpressions;

namespace CleaNum.Core.Parsing;

/// <summary>
/// NAF codes (APE). NAF rév. 2 (2008) and NAF 2025 (INSEE, the French breakdown of NACE rév. 2.1, e.g. "46.87Y") share
/// the written form <c>NN.NNL</c>: 4 digits (the NACE class) and one letter (the French sub-class).
/// </summary>
public static partial class Naf
{
    /// <summary>"85.59A", "8559a", "85 59 A", "85-59-A", "85.59.A" → "85.59A"; null when the text is not a NAF code.</summary>
    public static string? Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Match match = NafPattern().Match(text.Trim());
        return match.Success
            ? $"{match.Groups[1].Value}.{match.Groups[2].Value}{char.ToUpperInvariant(match.Groups[3].Value[0])}"
            : null;
    }

    /// <summary>
    /// Whether a normalised NAF code is one a training organisation usually has (otherwise NAF_UNUSUAL): division 85
    /// (enseignement, incl. 85.59A formation continue d'adultes and NAF 2025 85.xx), division 78 (emploi, both
    /// nomenclatures), 70.22Z conseil de gestion (rév. 2) and its NAF 2025 successor class 70.20, and 88.99B action
    /// sociale sans hébergement n.c.a. (rév. 2, same class 88.99 in NAF 2025).
    /// </summary>
    public static bool IsTrainingRelated(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        string? naf = Normalize(code);
        if (naf is null)
        {
            return false;
        }

        string division = naf[..2];
        string nafClass = naf[..5];
        return division is "85" or "78"
            || naf == "70.22Z"
            || nafClass == "70.20"
            || naf == "88.99B";
    }

    [GeneratedRegex(@"^([0-9]{2})\s*[.\-\s]?\s*([0-9]{2})\s*[.\-\s]?\s*([A-Za-z])$", RegexOptions.CultureInvariant)]
    private static partial Regex NafPattern();
}
