namespace CleaNum.Core.Domain;

/// <summary>One row of <c>Etablissements</c> (form table 1.4). <see cref="Row"/> is the Excel row.</summary>
public sealed record Establishment(
    int Row,
    string Name,
    string? Siret,
    string? Address,
    string? PostalCode,
    string? City,
    string? RegionCode);
