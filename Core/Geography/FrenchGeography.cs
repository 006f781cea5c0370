namespace CleaNum.Core.Geography;

/// <summary>
/// INSEE départements/régions (COG 2020) and La Poste's base officielle des codes postaux, embedded in Core.
/// </summary>
public static class FrenchGeography
{
    /// <summary>The 18 régions.</summary>
    /// <remarks>Temporary hard-coded list until the COG file is embedded.</remarks>
    public static IReadOnlyList<Region> Regions { get; } =
    [
        new("01", "Guadeloupe"), new("02", "Martinique"), new("03", "Guyane"), new("04", "La Réunion"), new("06", "Mayotte"),
        new("11", "Île-de-France"), new("24", "Centre-Val de Loire"), new("27", "Bourgogne-Franche-Comté"),
        new("28", "Normandie"), new("32", "Hauts-de-France"), new("44", "Grand Est"), new("52", "Pays de la Loire"),
        new("53", "Bretagne"), new("75", "Nouvelle-Aquitaine"), new("76", "Occitanie"), new("84", "Auvergne-Rhône-Alpes"),
        new("93", "Provence-Alpes-Côte d'Azur"), new("94", "Corse"),
    ];

    /// <summary>The 13 metropolitan régions (for "Couverture nationale").</summary>
    public static IReadOnlyList<Region> MetropolitanRegions => [.. Regions.Where(r => r.IsMetropolitan)];

    public static Region? RegionByCode(string code) => throw new NotImplementedException();

    /// <summary>Lenient match: case, accents, hyphens, apostrophes and spaces ignored; pre-2016 names recognised.</summary>
    public static RegionMatch MatchRegion(string text) => throw new NotImplementedException();

    /// <summary>Null only when nothing at all can be derived (e.g. prefix "00", "96").</summary>
    public static PostalCodeInfo? LookupPostalCode(string postalCode) => throw new NotImplementedException();

    /// <summary>Région of a département code ("01", "2A", "974"); null for unknown or région-less territories.</summary>
    public static Region? RegionOfDepartement(string departementCode) => throw new NotImplementedException();
}
