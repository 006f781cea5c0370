using CleaNum.Core.Domain;

namespace CleaNum.Storage.Rows;

/// <summary>Table <c>reference</c>. Domains are stored as "1;3".</summary>
internal sealed class ReferenceRow
{
    public long SubmissionId { get; set; }
    public long Ordinal { get; set; }
    public long SheetRow { get; set; }
    public long? Year { get; set; }
    public string? Client { get; set; }
    public string? Publics { get; set; }
    public string Domains { get; set; } = "";
    public long? PeopleEvaluated { get; set; }
    public string? Sectors { get; set; }
    public string? Description { get; set; }
    public string? ClientContact { get; set; }
    public string? Topic { get; set; }
    public string? ServiceDate { get; set; }

    public static ReferenceRow From(long submissionId, int ordinal, Reference r) => new()
    {
        SubmissionId = submissionId,
        Ordinal = ordinal,
        SheetRow = r.Row,
        Year = r.Year,
        Client = r.Client,
        Publics = r.Publics,
        Domains = StorageCodes.ToCode(r.Domains),
        PeopleEvaluated = r.PeopleEvaluated,
        Sectors = r.Sectors,
        Description = r.Description,
        ClientContact = r.ClientContact,
        Topic = r.Topic,
        ServiceDate = r.ServiceDate,
    };

    public Reference ToDomain() => new(
        checked((int)SheetRow), StorageCodes.ToInt(Year), Client, Publics, StorageCodes.ToDomains(Domains),
        StorageCodes.ToInt(PeopleEvaluated), Sectors, Description)
    {
        ClientContact = ClientContact,
        Topic = Topic,
        ServiceDate = ServiceDate,
    };
}
