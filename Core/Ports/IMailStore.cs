using CleaNum.Core.Mail;

namespace CleaNum.Core.Ports;

/// <summary>Every message written to a member, recorded before it is sent (table <c>member_mail</c>). Implemented by
/// Storage.</summary>
public interface IMailStore
{
    /// <summary>Records a message in state Pending; returns it with its Id, or null when a message with the same
    /// <see cref="MemberMail.Key"/> was already recorded (it is never queued twice).</summary>
    Task<MemberMail?> EnqueueAsync(MemberMail mail, CancellationToken cancellationToken);

    /// <summary>Pending messages whose next attempt is due, oldest first.</summary>
    Task<IReadOnlyList<MemberMail>> GetDueAsync(DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>Pending → Sending (attempts + 1), only if still pending: false when another sender took it.</summary>
    Task<bool> TryStartSendingAsync(long id, DateTime nowUtc, CancellationToken cancellationToken);

    Task MarkSentAsync(long id, DateTime nowUtc, string location, CancellationToken cancellationToken);

    /// <summary>Back to Pending, to be tried again at <paramref name="retryAtUtc"/>.</summary>
    Task MarkRetryAsync(long id, DateTime retryAtUtc, string reason, CancellationToken cancellationToken);

    /// <summary>Failed for good (kept and shown, never retried).</summary>
    Task MarkFailedAsync(long id, DateTime nowUtc, string reason, CancellationToken cancellationToken);

    /// <summary>Messages left in Sending by a process that died become Interrupted; returns how many.</summary>
    Task<int> MarkInterruptedAsync(DateTime nowUtc, CancellationToken cancellationToken);

    /// <summary>Each member's latest message (by creation), of the given kind or any kind (for <c>status</c>, the
    /// status workbook, the dashboard's « dernier courriel »). Keyed by SIREN.</summary>
    Task<IReadOnlyDictionary<string, MemberMail>> GetLatestPerMemberAsync(MailKind? kind, CancellationToken cancellationToken);

    /// <summary>Every message of one member, oldest first.</summary>
    Task<IReadOnlyList<MemberMail>> GetByMemberAsync(string siren, CancellationToken cancellationToken);

    /// <summary>Erases one member's messages (an erasure request); returns how many.</summary>
    Task<int> DeleteByMemberAsync(string siren, CancellationToken cancellationToken);

    /// <summary>Erases the messages about these submissions (superseded versions purged); returns how many.</summary>
    Task<int> DeleteBySubmissionsAsync(IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken);
}
