using CleaNum.Core.Ports;

namespace CleaNum.Storage.Rows;

/// <summary>One member's latest submission with its counts (query shape, not a table).</summary>
internal sealed class MemberStatusRow
{
    public string Siren { get; set; } = "";
    public string? Name { get; set; }
    public string FileName { get; set; } = "";
    public DateTime ReceivedAtUtc { get; set; }
    public string Status { get; set; } = "";
    public long Version { get; set; }
    public long ErrorCount { get; set; }
    public long WarningCount { get; set; }
    public long EstablishmentCount { get; set; }
    public long IntervenantCount { get; set; }

    public MemberStatus ToDomain() => new(
        Siren, Name, FileName, ReceivedAtUtc, StorageCodes.ToStatus(Status), checked((int)Version),
        checked((int)ErrorCount), checked((int)WarningCount), checked((int)EstablishmentCount), checked((int)IntervenantCount));
}
