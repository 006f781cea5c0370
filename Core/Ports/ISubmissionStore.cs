using CleaNum.Core.Domain;

namespace CleaNum.Core.Ports;

/// <summary>Every received file, versioned per member (SIREN). Implemented by Storage (SQLite, SQL Server).</summary>
public interface ISubmissionStore
{
    /// <summary>The submission already stored for this file content, if any, whole (member data and issues).</summary>
    Task<Submission?> FindBySha256Async(string sha256, CancellationToken cancellationToken);

    /// <summary>Stores the submission, its member data and its issues in one transaction; assigns Id and the member's
    /// next Version (0 when <see cref="Submission.Siren"/> is null). A byte-identical file (sha256 unique constraint)
    /// is not stored twice: the earlier one comes back with <see cref="StoreResult.IsDuplicate"/>.</summary>
    Task<StoreResult> AddAsync(Submission submission, CancellationToken cancellationToken);

    /// <summary>The whole submission (data and issues), or null.</summary>
    Task<Submission?> GetAsync(long id, CancellationToken cancellationToken);

    /// <summary>Every version of one member, oldest first (without data, with issues).</summary>
    Task<IReadOnlyList<Submission>> GetVersionsAsync(string siren, CancellationToken cancellationToken);

    /// <summary>Each member's current version: its latest accepted (accepted or accepted_with_warnings) submission of
    /// the campaign, with data and issues, ordered by member name then SIREN.</summary>
    Task<IReadOnlyList<Submission>> GetCurrentVersionsAsync(int campaign, CancellationToken cancellationToken);

    /// <summary>How many distinct members (SIREN) sent at least one file in the campaign.</summary>
    Task<int> CountMembersAsync(int campaign, CancellationToken cancellationToken);

    /// <summary>The distinct SIRENs that sent at least one file in the campaign (any status), in ordinal order.</summary>
    Task<IReadOnlyList<string>> GetMemberSirensAsync(int campaign, CancellationToken cancellationToken);

    /// <summary>Each member's latest submission of the campaign whatever its status, ordered by name then SIREN.</summary>
    Task<IReadOnlyList<MemberStatus>> GetMemberStatusesAsync(int campaign, CancellationToken cancellationToken);

    /// <summary>The latest received files (any campaign, any status, with or without SIREN), newest first, with their
    /// issues: at most <paramref name="count"/> (for the dashboard's « Derniers événements »).</summary>
    Task<IReadOnlyList<Submission>> GetRecentAsync(int count, CancellationToken cancellationToken);
}
