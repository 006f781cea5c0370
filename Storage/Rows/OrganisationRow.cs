using CleaNum.Core.Domain;

namespace CleaNum.Storage.Rows;

/// <summary>Table <c>organisation</c>: the Organisme sheet of one submission (present only when the file was read).</summary>
internal sealed class OrganisationRow
{
    public long SubmissionId { get; set; }
    public string Name { get; set; } = "";
    public string? Siren { get; set; }
    public string? MainActivity { get; set; }
    public string? NafCode { get; set; }
    public string? Nda { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? RegionCode { get; set; }
    public string? Website { get; set; }
    public DateTime? CreationDate { get; set; }
    public long? EmployeeCount { get; set; }
    public string? MainContactName { get; set; }
    public string? MainContactEmail { get; set; }
    public string? MainContactPhone { get; set; }
    public bool HasBillingContact { get; set; }
    public string? BillingContactName { get; set; }
    public string? BillingContactEmail { get; set; }
    public string? BillingContactPhone { get; set; }
    public bool? Qualiopi { get; set; }
    public string? QualiopiCertificate { get; set; }
    public string? QualiopiCertifier { get; set; }
    public DateTime? QualiopiExpiry { get; set; }
    public bool? AlreadyHabilitated { get; set; }
    public string? HabilitationPeriod { get; set; }
    public bool? FirstCleaNumeriqueRequest { get; set; }
    public bool? CleaHabilitated { get; set; }
    public string? CleaPeriod { get; set; }
    public bool? CleaManagementHabilitated { get; set; }
    public string? CleaManagementPeriod { get; set; }
    public long? EvaluatorCount { get; set; }
    public long? TrainerCount { get; set; }
    public string? ReferencesSummary { get; set; }
    public string? Specificities { get; set; }

    public static OrganisationRow From(long submissionId, MemberOrganisation o) => new()
    {
        SubmissionId = submissionId,
        Name = o.Name,
        Siren = o.Siren,
        MainActivity = o.MainActivity,
        NafCode = o.NafCode,
        Nda = o.Nda,
        Address = o.Address,
        PostalCode = o.PostalCode,
        City = o.City,
        RegionCode = o.RegionCode,
        Website = o.Website,
        CreationDate = StorageCodes.ToDateTime(o.CreationDate),
        EmployeeCount = o.EmployeeCount,
        MainContactName = o.MainContact.Name,
        MainContactEmail = o.MainContact.Email,
        MainContactPhone = o.MainContact.Phone,
        HasBillingContact = o.BillingContact is not null,
        BillingContactName = o.BillingContact?.Name,
        BillingContactEmail = o.BillingContact?.Email,
        BillingContactPhone = o.BillingContact?.Phone,
        Qualiopi = o.Qualiopi,
        QualiopiCertificate = o.QualiopiCertificate,
        QualiopiCertifier = o.QualiopiCertifier,
        QualiopiExpiry = StorageCodes.ToDateTime(o.QualiopiExpiry),
        AlreadyHabilitated = o.AlreadyHabilitated,
        HabilitationPeriod = o.HabilitationPeriod,
        FirstCleaNumeriqueRequest = o.FirstCleaNumeriqueRequest,
        CleaHabilitated = o.CleaHabilitated,
        CleaPeriod = o.CleaPeriod,
        CleaManagementHabilitated = o.CleaManagementHabilitated,
        CleaManagementPeriod = o.CleaManagementPeriod,
        EvaluatorCount = o.EvaluatorCount,
        TrainerCount = o.TrainerCount,
        ReferencesSummary = o.ReferencesSummary,
        Specificities = o.Specificities,
    };

    public MemberOrganisation ToDomain() => new()
    {
        Name = Name,
        Siren = Siren,
        MainActivity = MainActivity,
        NafCode = NafCode,
        Nda = Nda,
        Address = Address,
        PostalCode = PostalCode,
        City = City,
        RegionCode = RegionCode,
        Website = Website,
        CreationDate = StorageCodes.ToDateOnly(CreationDate),
        EmployeeCount = StorageCodes.ToInt(EmployeeCount),
        MainContact = new Contact(MainContactName, MainContactEmail, MainContactPhone),
        BillingContact = HasBillingContact ? new Contact(BillingContactName, BillingContactEmail, BillingContactPhone) : null,
        Qualiopi = Qualiopi,
        QualiopiCertificate = QualiopiCertificate,
        QualiopiCertifier = QualiopiCertifier,
        QualiopiExpiry = StorageCodes.ToDateOnly(QualiopiExpiry),
        AlreadyHabilitated = AlreadyHabilitated,
        HabilitationPeriod = HabilitationPeriod,
        FirstCleaNumeriqueRequest = FirstCleaNumeriqueRequest,
        CleaHabilitated = CleaHabilitated,
        CleaPeriod = CleaPeriod,
        CleaManagementHabilitated = CleaManagementHabilitated,
        CleaManagementPeriod = CleaManagementPeriod,
        EvaluatorCount = StorageCodes.ToInt(EvaluatorCount),
        TrainerCount = StorageCodes.ToInt(TrainerCount),
        ReferencesSummary = ReferencesSummary,
        Specificities = Specificities,
    };
}
