namespace CleaNum.Core.Domain;

/// <summary>One row of <c>References</c> (form section 4.1).</summary>
public sealed record Reference(
    int Row,
    int? Year,
    string? Client,
    string? Publics,
    IReadOnlyList<CleaDomain> Domains,
    int? PeopleEvaluated,
    string? Sectors,
    string? Description);
