using CleaNum.Core.Geography;

namespace CleaNum.Core.Parsing;

/// <summary>
/// Numéro de déclaration d'activité of a training organisation: 11 digits written <c>RR DD SSSSS DD</c>.
/// <para>
/// <b>RR</b> is the code of the région whose DREETS (formerly DIRECCTE, before that the DRTEFP) registered the
/// declaration; <b>DD</b> the département of the organisation at registration. Numbers issued before the 2016 merger
/// keep the old INSEE région code (82 Rhône-Alpes, 72 Aquitaine, 31 Nord-Pas-de-Calais…), so both the 27 pre-2016 codes
/// and the 18 current ones are recognised and mapped to the current région. The number never changes when the
/// organisation moves, which is why a mismatch with the address is only a warning (NDA_REGION_MISMATCH).
/// Overseas numbers use the région codes 01–04 and 06 and the département digits "97"; Corsica uses "20".
/// </para>
/// </summary>
public static class Nda
{
    private static readonly Dictionary<string, (string Name, string Successor)> FormerRegionCodes = new(StringComparer.Ordinal)
    {
        ["21"] = ("Champagne-Ardenne", "44"),
        ["22"] = ("Picardie", "32"),
        ["23"] = ("Haute-Normandie", "28"),
        ["25"] = ("Basse-Normandie", "28"),
        ["26"] = ("Bourgogne", "27"),
        ["31"] = ("Nord-Pas-de-Calais", "32"),
        ["41"] = ("Lorraine", "44"),
        ["42"] = ("Alsace", "44"),
        ["43"] = ("Franche-Comté", "27"),
        ["54"] = ("Poitou-Charentes", "75"),
        ["72"] = ("Aquitaine", "75"),
        ["73"] = ("Midi-Pyrénées", "76"),
        ["74"] = ("Limousin", "75"),
        ["82"] = ("Rhône-Alpes", "84"),
        ["83"] = ("Auvergne", "84"),
        ["91"] = ("Languedoc-Roussillon", "76"),
    };

    /// <summary>First two digits: the registering région's code (old or current INSEE code).</summary>
    public static string RegionDigits(string nda) => Digits(nda)[..2];

    /// <summary>Third and fourth digits: the département ("75", "20" for Corsica, "97" overseas).</summary>
    public static string DepartementDigits(string nda) => Digits(nda)[2..4];

    /// <summary>The current région the registering région is now part of; null if the code is none of the 27+18 codes.</summary>
    public static Region? CurrentRegion(string nda)
    {
        string code = RegionDigits(nda);
        return FormerRegionCodes.TryGetValue(code, out var former)
            ? FrenchGeography.RegionByCode(former.Successor)
            : FrenchGeography.RegionByCode(code);
    }

    /// <summary>Name of the pre-2016 région when the NDA carries an old code ("Rhône-Alpes" for 82…), else null.</summary>
    public static string? FormerRegionName(string nda) =>
        FormerRegionCodes.TryGetValue(RegionDigits(nda), out var former) ? former.Name : null;

    /// <summary>
    /// Whether the NDA's département digits fit a département code of the address ("2A"/"2B" → "20", "974" → "97").
    /// </summary>
    public static bool MatchesDepartement(string nda, string departementCode)
    {
        ArgumentNullException.ThrowIfNull(departementCode);
        string expected = departementCode.ToUpperInvariant() switch
        {
            "2A" or "2B" => "20",
            { Length: 3 } three => three[..2],
            string other => other,
        };
        return DepartementDigits(nda) == expected;
    }

    private static string Digits(string nda)
    {
        ArgumentNullException.ThrowIfNull(nda);
        string digits = new([.. nda.Where(char.IsAsciiDigit)]);
        return digits.Length == 11
            ? digits
            : throw new ArgumentException("An NDA has 11 digits; parse it with CellParsers.Nda first.", nameof(nda));
    }
}
