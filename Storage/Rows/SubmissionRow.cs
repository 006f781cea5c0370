using CleaNum.Core.Domain;

namespace CleaNum.Storage.Rows;

/// <summary>Table <c>submission</c>.</summary>
internal sealed class SubmissionRow
{
    public long Id { get; set; }
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public DateTime ReceivedAtUtc { get; set; }
    public long SizeBytes { get; set; }
    public string Status { get; set; } = "";
    public long Campaign { get; set; }
    public long Version { get; set; }
    public string? Siren { get; set; }
    public string? MemberName { get; set; }
    public bool HasData { get; set; }

    public static SubmissionRow From(Submission s, int version) => new()
    {
        FileName = s.FileName,
        Sha256 = s.Sha256,
        ReceivedAtUtc = s.ReceivedAtUtc,
        SizeBytes = s.Size,
        Status = StorageCodes.ToCode(s.Status),
        Campaign = s.Campaign,
        Version = version,
        Siren = s.Siren,
        MemberName = s.MemberName,
        HasData = s.Data is not null,
    };

    public Submission ToDomain() => new()
    {
        Id = Id,
        FileName = FileName,
        Sha256 = Sha256,
        ReceivedAtUtc = ReceivedAtUtc,
        Size = SizeBytes,
        Status = StorageCodes.ToStatus(Status),
        Campaign = checked((int)Campaign),
        Version = checked((int)Version),
        Siren = Siren,
        MemberName = MemberName,
    };
}
