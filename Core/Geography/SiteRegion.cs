namespace CleaNum.Core.Geography;

/// <summary>
/// The région of a site (annex.md « What counts »): the région of its postal code (La Poste base, else the département
/// prefix for CEDEX and unknown codes), never the member's typed value when the two disagree — the disagreement stays a
/// REGION_MISMATCH warning. The typed région is used only when the postal code says nothing (unreadable code, a code
/// of two régions that includes the typed one, or a territory without région).
/// </summary>
public static class SiteRegion
{
    /// <param name="postalCode">The site's postal code (5 digits), or null.</param>
    /// <param name="declaredRegionCode">The INSEE code of the région the member typed (or stored earlier), or null.</param>
    public static string? Of(string? postalCode, string? declaredRegionCode)
    {
        IReadOnlyList<Region> regions = postalCode is null
            ? []
            : FrenchGeography.LookupPostalCode(postalCode)?.Regions ?? [];
        if (regions.Count == 0)
        {
            return declaredRegionCode;
        }

        return declaredRegionCode is not null && regions.Any(r => r.Code == declaredRegionCode)
            ? declaredRegionCode
            : regions[0].Code;
    }
}
