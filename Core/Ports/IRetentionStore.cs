using CleaNum.Core.Domain;

namespace CleaNum.Core.Ports;

/// <summary>One stored file as the retention sees it: enough to find its original and its report, nothing personal.
/// <see cref="NextReceivedAtUtc"/>: when the member's next version arrived (its reports are older than that).</summary>
public sealed record RetainedSubmission(long Id, string FileName, string Sha256, DateTime ReceivedAtUtc, SubmissionStatus Status, string? Siren, DateTime? NextReceivedAtUtc);

/// <summary>One purge, as recorded in the audit table (service.md « Retention »: every purge is recorded).</summary>
public sealed record PurgeRecord(DateTime PurgedAtUtc, string Kind, string? Siren, DateTime? ReceivedBeforeUtc, int Submissions, int Files, string Origin)
{
    public const string Retention = "retention";
    public const string Erasure = "erasure";
}

/// <summary>
/// Personal data retention (service.md « Retention »). Implemented by Storage. A superseded version is one that a
/// later accepted version of the same member replaces; the current version of every member is never touched.
/// </summary>
public interface IRetentionStore
{
    /// <summary>Superseded versions received before <paramref name="receivedBeforeUtc"/> whose personal data is still
    /// there, plus files without a SIREN (nothing can supersede them) received before it.</summary>
    Task<IReadOnlyList<RetainedSubmission>> FindSupersededAsync(DateTime receivedBeforeUtc, CancellationToken cancellationToken);

    /// <summary>Every version of one member (an erasure request).</summary>
    Task<IReadOnlyList<RetainedSubmission>> FindMemberAsync(string siren, CancellationToken cancellationToken);

    /// <summary>Removes the personal data (people's names, CV text, contact details, cell values quoted in issues) of
    /// these versions and keeps the audit facts (file name, sha256, received at, state, issue codes); records the purge.
    /// One transaction.</summary>
    Task PurgePersonalDataAsync(IReadOnlyList<long> submissionIds, PurgeRecord record, CancellationToken cancellationToken);

    /// <summary>Deletes every row of one member (versions, data, issues, the member itself); records the erasure
    /// (SIREN, time, counts). One transaction.</summary>
    Task EraseMemberAsync(string siren, PurgeRecord record, CancellationToken cancellationToken);

    /// <summary>The purges recorded, oldest first.</summary>
    Task<IReadOnlyList<PurgeRecord>> GetPurgesAsync(CancellationToken cancellationToken);
}
