namespace CleaNum.Core.Ports;

/// <summary>One member's latest file, whatever its status (for <c>cleanum status</c>).</summary>
public sealed record MemberStatus(
    string Siren,
    string? Name,
    string FileName,
    DateTime ReceivedAtUtc,
    Domain.SubmissionStatus Status,
    int Version,
    int ErrorCount,
    int WarningCount,
    int EstablishmentCount,
    int IntervenantCount);
