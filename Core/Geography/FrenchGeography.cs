namespace CleaNum.Core.Geography;

/// <summary>
/// INSEE départements/régions (COG 2020) and La Poste's base officielle des codes postaux, embedded in Core.
/// </summary>
public static class FrenchGeography
{
    /// <summary>The 18 régions.</summary>
    public static IReadOnlyList<Region> Regions => throw new NotImplementedException();

    /// <summary>The 13 metropolitan régions (for "Couverture nationale").</summary>
    public static IReadOnlyList<Region> MetropolitanRegions => throw new NotImplementedException();

    public static Region? RegionByCode(string code) => throw new NotImplementedException();

    /// <summary>Lenient match: case, accents, hyphens, apostrophes and spaces ignored; pre-2016 names recognised.</summary>
    public static RegionMatch MatchRegion(string text) => throw new NotImplementedException();

    /// <summary>Null only when nothing at all can be derived (e.g. prefix "00", "96").</summary>
    public static PostalCodeInfo? LookupPostalCode(string postalCode) => throw new NotImplementedException();

    /// <summary>Région of a département code ("01", "2A", "974"); null for unknown or région-less territories.</summary>
    public static Region? RegionOfDepartement(string departementCode) => throw new NotImplementedException();
}
