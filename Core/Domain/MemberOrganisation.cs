namespace CleaNum.Core.Domain;

/// <summary>
/// The <c>Organisme</c> sheet, normalised. Values that could not be parsed are null (the matching issue says why);
/// identifiers are digit strings (SIREN 9 digits, NDA 11 digits), the NAF code has its dot (<c>85.59A</c>).
/// </summary>
public sealed record MemberOrganisation
{
    public string Name { get; init; } = "";
    public string? Siren { get; init; }
    public string? MainActivity { get; init; }
    public string? NafCode { get; init; }
    public string? Nda { get; init; }
    public string? Address { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }

    /// <summary>INSEE code of the région (e.g. "84"), declared or derived from the postal code.</summary>
    public string? RegionCode { get; init; }

    public string? Website { get; init; }
    public DateOnly? CreationDate { get; init; }
    public int? EmployeeCount { get; init; }
    public Contact MainContact { get; init; } = new(null, null, null);
    public Contact? BillingContact { get; init; }
    public bool? Qualiopi { get; init; }
    public string? QualiopiCertificate { get; init; }
    public string? QualiopiCertifier { get; init; }
    public DateOnly? QualiopiExpiry { get; init; }
    /// <summary>« Déjà habilité CléA numérique » (form 1.3); the same answer as <see cref="History"/>.CleaNumerique.</summary>
    public bool? AlreadyHabilitated { get; init; }

    /// <summary>Period of the CléA numérique habilitation; the same as <see cref="History"/>.CleaNumeriquePeriod.</summary>
    public string? HabilitationPeriod { get; init; }

    /// <summary>« Première demande d'habilitation CléA numérique » (form 1.3, template 2026.2).</summary>
    public bool? FirstCleaNumeriqueRequest { get; init; }

    /// <summary>« Habilité CléA » and its period (form 1.3, template 2026.2).</summary>
    public bool? CleaHabilitated { get; init; }

    public string? CleaPeriod { get; init; }

    /// <summary>« Habilité CléA management » and its period (form 1.3, template 2026.2).</summary>
    public bool? CleaManagementHabilitated { get; init; }

    public string? CleaManagementPeriod { get; init; }

    /// <summary>Form 1.3 as one record.</summary>
    public HabilitationHistory History => new()
    {
        FirstCleaNumeriqueRequest = FirstCleaNumeriqueRequest,
        CleaNumerique = AlreadyHabilitated,
        CleaNumeriquePeriod = HabilitationPeriod,
        Clea = CleaHabilitated,
        CleaPeriod = CleaPeriod,
        CleaManagement = CleaManagementHabilitated,
        CleaManagementPeriod = CleaManagementPeriod,
    };
    public int? EvaluatorCount { get; init; }
    public int? TrainerCount { get; init; }
    public string? ReferencesSummary { get; init; }
    public string? Specificities { get; init; }
}
