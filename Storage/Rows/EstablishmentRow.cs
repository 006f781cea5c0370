using CleaNum.Core.Domain;

namespace CleaNum.Storage.Rows;

/// <summary>Table <c>establishment</c>. SIRET and postal code are TEXT: leading zeros survive.</summary>
internal sealed class EstablishmentRow
{
    public long SubmissionId { get; set; }
    public long Ordinal { get; set; }
    public long SheetRow { get; set; }
    public string Name { get; set; } = "";
    public string? Siret { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? RegionCode { get; set; }

    public static EstablishmentRow From(long submissionId, int ordinal, Establishment e) => new()
    {
        SubmissionId = submissionId,
        Ordinal = ordinal,
        SheetRow = e.Row,
        Name = e.Name,
        Siret = e.Siret,
        Address = e.Address,
        PostalCode = e.PostalCode,
        City = e.City,
        RegionCode = e.RegionCode,
    };

    public Establishment ToDomain() =>
        new(checked((int)SheetRow), Name, Siret, Address, PostalCode, City, RegionCode);
}
