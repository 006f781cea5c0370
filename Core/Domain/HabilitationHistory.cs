namespace CleaNum.Core.Domain;

/// <summary>
/// Form 1.3 « Historique » of a member: whether this is its first CléA numérique application, and the CléA,
/// CléA numérique and CléA management habilitations it already holds, with their periods as typed (« 2019-2025 »).
/// Every answer is optional (null: not answered, or a file from a template before 2026.2).
/// </summary>
public sealed record HabilitationHistory
{
    /// <summary>« Première demande d'habilitation CléA numérique » (Oui/Non).</summary>
    public bool? FirstCleaNumeriqueRequest { get; init; }

    /// <summary>« Déjà habilité CléA numérique » (Oui/Non) and its period.</summary>
    public bool? CleaNumerique { get; init; }

    public string? CleaNumeriquePeriod { get; init; }

    /// <summary>« Habilité CléA » (Oui/Non) and its period.</summary>
    public bool? Clea { get; init; }

    public string? CleaPeriod { get; init; }

    /// <summary>« Habilité CléA management » (Oui/Non) and its period.</summary>
    public bool? CleaManagement { get; init; }

    public string? CleaManagementPeriod { get; init; }

    /// <summary>True when nothing at all was answered.</summary>
    public bool IsEmpty =>
        FirstCleaNumeriqueRequest is null && CleaNumerique is null && Clea is null && CleaManagement is null
        && string.IsNullOrWhiteSpace(CleaNumeriquePeriod) && string.IsNullOrWhiteSpace(CleaPeriod)
        && string.IsNullOrWhiteSpace(CleaManagementPeriod);
}
