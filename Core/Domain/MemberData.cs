namespace CleaNum.Core.Domain;

/// <summary>Everything one member's workbook says, normalised.</summary>
public sealed record MemberData(
    MemberOrganisation Organisation,
    IReadOnlyList<Establishment> Establishments,
    IReadOnlyList<Intervenant> Intervenants,
    IReadOnlyList<Reference> References);
