using CleaNum.Core.Mail;

namespace CleaNum.Core.Ports;

/// <summary>
/// One member report as issued (table <c>member_report</c>): which submission, which file, and the verdict it stated.
/// Lets a byte-identical re-send point at the first report, and tells when the verdict of a member's latest file changed
/// since its last report (the roster arrived or changed) so that the report is issued again.
/// </summary>
public sealed record IssuedReport
{
    public long Id { get; init; }
    public string? Siren { get; init; }
    public long SubmissionId { get; init; }
    public MailKind Reason { get; init; }

    /// <summary>Relative to the data folder.</summary>
    public required string ReportPath { get; init; }

    public string? AnnotatedPath { get; init; }

    /// <summary><see cref="Verdicts.Of"/> of the issues the report states.</summary>
    public required string Verdict { get; init; }

    public int ErrorCount { get; init; }
    public int WarningCount { get; init; }
    public DateTime IssuedAtUtc { get; init; }
}

/// <summary>Implemented by Storage.</summary>
public interface IReportLog
{
    Task<IssuedReport> RecordAsync(IssuedReport report, CancellationToken cancellationToken);

    /// <summary>The first report issued for a submission (the one a duplicate points to), or null.</summary>
    Task<IssuedReport?> GetFirstAsync(long submissionId, CancellationToken cancellationToken);

    /// <summary>The latest report issued for each of these submissions, keyed by submission id.</summary>
    Task<IReadOnlyDictionary<long, IssuedReport>> GetLatestAsync(IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken);

    /// <summary>Each member's latest report (any submission), keyed by SIREN.</summary>
    Task<IReadOnlyDictionary<string, IssuedReport>> GetLatestPerMemberAsync(CancellationToken cancellationToken);

    Task<int> DeleteByMemberAsync(string siren, CancellationToken cancellationToken);
}
