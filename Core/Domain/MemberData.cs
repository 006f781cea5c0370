namespace CleaNum.Core.Domain;

/// <summary>Everything one member's workbook says, normalised.</summary>
public sealed record MemberData(
    MemberOrganisation Organisation,
    IReadOnlyList<Establishment> Establishments,
    IReadOnlyList<Intervenant> Intervenants,
    IReadOnlyList<Reference> References)
{
    /// <summary>The optional <c>Activite</c> sheet (form 3.2 « Chiffres clés »), one entry per row; empty when absent.</summary>
    public IReadOnlyList<ActivityYear> Activity { get; init; } = [];
}
