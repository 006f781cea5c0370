namespace CleaNum.Core.Mail;

/// <summary>Subject and bodies of one message (French).</summary>
public sealed record MailContent(string Subject, string TextBody, string HtmlBody);

/// <summary>What a report message says. <see cref="FirstReportDate"/>: for a duplicate, the date of the report the
/// member already received.</summary>
public sealed record ReportMailFacts
{
    public MailKind Kind { get; init; }
    public required string MemberName { get; init; }
    public string? Siren { get; init; }
    public required string FileName { get; init; }
    public DateTime ReceivedAtUtc { get; init; }

    /// <summary>Refused, accepted… of the file (for a duplicate: of the first file).</summary>
    public Domain.SubmissionStatus Status { get; init; }

    public bool HasData { get; init; }
    public IReadOnlyList<Issues.Issue> Issues { get; init; } = [];
    public DateOnly Deadline { get; init; }
    public required string HeadName { get; init; }
    public IReadOnlyList<string> AttachmentNames { get; init; } = [];
    public DateTime? FirstReportAtUtc { get; init; }
    public string? FirstReportName { get; init; }
}

/// <summary>Why a member is reminded.</summary>
public enum ReminderReason
{
    /// <summary>In the roster, no file received.</summary>
    NothingReceived = 0,

    /// <summary>The latest file was refused (or is in error).</summary>
    LatestRefused = 1,
}

public sealed record ReminderFacts
{
    public ReminderReason Reason { get; init; }
    public required string MemberName { get; init; }
    public string? Siren { get; init; }
    public string? LatestFileName { get; init; }
    public DateTime? LatestReceivedAtUtc { get; init; }
    public int ErrorCount { get; init; }
    public string? ReportName { get; init; }
    public DateOnly Deadline { get; init; }
    public required string HeadName { get; init; }
}
