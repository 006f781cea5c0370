namespace CleaNum.Core.Domain;

/// <summary>One row of <c>Intervenants</c>: a person whose CV is provided (form section 4.2).</summary>
public sealed record Intervenant(
    int Row,
    string LastName,
    string FirstName,
    IntervenantRole Role,
    string? Diplomas,
    string? ProfessionalExperience,
    IReadOnlyList<CleaDomain> Domains,
    string? EvaluationExperience,
    int? Year,
    string? Siret)
{
    /// <summary>« Statut » as typed (Salarié, Indépendant, Sous-traitant, Bénévole, Autre — normalised to that spelling
    /// when recognised); null when empty or when the file has no <c>Statut</c> column (templates before 2026.2).</summary>
    public string? Status { get; init; }

    /// <summary>How complete the CV is (number of filled fields); the CV sample takes the most complete first.</summary>
    public int Completeness =>
        new[] { Diplomas, ProfessionalExperience, EvaluationExperience, Siret }.Count(s => !string.IsNullOrWhiteSpace(s))
        + (Domains.Count > 0 ? 1 : 0) + (Year is null ? 0 : 1);
}
