namespace CleaNum.Core.Mail;

/// <summary>Why a message is written to a member.</summary>
public enum MailKind
{
    /// <summary>The report of a file just received.</summary>
    Report = 0,

    /// <summary>The report issued again because something outside the member's file changed its verdict (the roster).</summary>
    Reissue = 1,

    /// <summary>The report of a byte-identical re-send.</summary>
    Duplicate = 2,

    /// <summary>A reminder (<c>cleanum relancer</c>): nothing sent yet, or the latest file refused.</summary>
    Reminder = 3,
}

/// <summary>Where a message is. <see cref="Sending"/> is written just before the transmission starts: a message found
/// in that state after a crash may or may not have left, so it becomes <see cref="Interrupted"/> and is never sent again
/// (a member never gets a message twice; the head sees it in <c>status</c>).</summary>
public enum MailState
{
    Pending = 0,
    Sending = 1,
    Sent = 2,
    Failed = 3,
    Interrupted = 4,
}

/// <summary>
/// One message to a member, recorded before it is sent. <see cref="Key"/> is unique: queuing the same message again
/// (a restart, a resumed file) is a no-op. <see cref="Attachments"/> are paths relative to the data folder.
/// </summary>
public sealed record MemberMail
{
    public long Id { get; init; }
    public required string Key { get; init; }
    public MailKind Kind { get; init; }
    public string? Siren { get; init; }
    public string? MemberName { get; init; }
    public long? SubmissionId { get; init; }
    public required string To { get; init; }
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public required string HtmlBody { get; init; }
    public IReadOnlyList<string> Attachments { get; init; } = [];

    /// <summary>The report the message carries (relative to the data folder), if any.</summary>
    public string? ReportPath { get; init; }

    public required string MessageId { get; init; }
    public MailState State { get; init; }
    public int Attempts { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime NextAttemptAtUtc { get; init; }
    public DateTime? SentAtUtc { get; init; }

    /// <summary>The last failure, in French, for the head (never a password).</summary>
    public string? LastError { get; init; }

    /// <summary>Where the message went: the <c>.eml</c> file (Outbox) or the SMTP server.</summary>
    public string? Location { get; init; }
}
