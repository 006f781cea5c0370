using CleaNum.Core.Domain;

namespace CleaNum.Storage.Rows;

/// <summary>Table <c>intervenant</c> (one CV). Domains are stored as "1;3".</summary>
internal sealed class IntervenantRow
{
    public long SubmissionId { get; set; }
    public long Ordinal { get; set; }
    public long SheetRow { get; set; }
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Diplomas { get; set; }
    public string? ProfessionalExperience { get; set; }
    public string Domains { get; set; } = "";
    public string? EvaluationExperience { get; set; }
    public long? Year { get; set; }
    public string? Siret { get; set; }
    public string? Status { get; set; }

    public static IntervenantRow From(long submissionId, int ordinal, Intervenant i) => new()
    {
        SubmissionId = submissionId,
        Ordinal = ordinal,
        SheetRow = i.Row,
        LastName = i.LastName,
        FirstName = i.FirstName,
        Role = StorageCodes.ToCode(i.Role),
        Diplomas = i.Diplomas,
        ProfessionalExperience = i.ProfessionalExperience,
        Domains = StorageCodes.ToCode(i.Domains),
        EvaluationExperience = i.EvaluationExperience,
        Year = i.Year,
        Siret = i.Siret,
        Status = i.Status,
    };

    public Intervenant ToDomain() => new(
        checked((int)SheetRow), LastName, FirstName, StorageCodes.ToRole(Role), Diplomas, ProfessionalExperience,
        StorageCodes.ToDomains(Domains), EvaluationExperience, StorageCodes.ToInt(Year), Siret)
    {
        Status = Status,
    };
}
