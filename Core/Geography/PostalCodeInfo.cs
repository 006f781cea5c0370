namespace CleaNum.Core.Geography;

/// <summary>
/// What a 5-digit postal code says about where it is. <see cref="Regions"/> may hold two régions (codes shared by two
/// départements: either is accepted) or none (<see cref="Territory"/> names Monaco, Saint-Barthélemy, Saint-Martin or
/// Saint-Pierre-et-Miquelon, which have no région). <see cref="InBaseOfficielle"/> is false for codes absent from La
/// Poste's file (CEDEX…) whose département was derived from the prefix.
/// </summary>
public sealed record PostalCodeInfo(
    string PostalCode,
    IReadOnlyList<string> DepartementCodes,
    IReadOnlyList<Region> Regions,
    bool InBaseOfficielle,
    string? Territory);
