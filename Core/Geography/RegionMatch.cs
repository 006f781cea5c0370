namespace CleaNum.Core.Geography;

/// <summary>
/// Result of matching a région written by a person. <see cref="Region"/> is null when no current région was
/// recognised; <see cref="FormerRegionName"/> is set when the text names a pre-2016 région ("Rhône-Alpes"), with
/// <see cref="SuccessorRegion"/> the current one that absorbed it (for the hint).
/// </summary>
public sealed record RegionMatch(Region? Region, string? FormerRegionName, Region? SuccessorRegion);
