using CleaNum.Core.Mail;

namespace CleaNum.Storage.Rows;

/// <summary>Table <c>member_mail</c>.</summary>
internal sealed class MemberMailRow
{
    public long Id { get; set; }
    public string MailKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Siren { get; set; }
    public string? MemberName { get; set; }
    public long? SubmissionId { get; set; }
    public string ToAddress { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public string Attachments { get; set; } = "";
    public string? ReportPath { get; set; }
    public string MessageId { get; set; } = "";
    public string State { get; set; } = "";
    public long Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }
    public string? Location { get; set; }

    public static MemberMailRow From(MemberMail m) => new()
    {
        MailKey = m.Key,
        Kind = MailCodes.ToCode(m.Kind),
        Siren = m.Siren,
        MemberName = m.MemberName,
        SubmissionId = m.SubmissionId,
        ToAddress = m.To,
        Subject = m.Subject,
        TextBody = m.TextBody,
        HtmlBody = m.HtmlBody,
        Attachments = string.Join('\n', m.Attachments),
        ReportPath = m.ReportPath,
        MessageId = m.MessageId,
        State = MailCodes.ToCode(m.State),
        Attempts = m.Attempts,
        CreatedAtUtc = m.CreatedAtUtc,
        NextAttemptAtUtc = m.NextAttemptAtUtc,
        SentAtUtc = m.SentAtUtc,
        LastError = m.LastError,
        Location = m.Location,
    };

    public MemberMail ToDomain() => new()
    {
        Id = Id,
        Key = MailKey,
        Kind = MailCodes.ToKind(Kind),
        Siren = Siren,
        MemberName = MemberName,
        SubmissionId = SubmissionId,
        To = ToAddress,
        Subject = Subject,
        TextBody = TextBody,
        HtmlBody = HtmlBody,
        Attachments = Attachments.Length == 0 ? [] : Attachments.Split('\n'),
        ReportPath = ReportPath,
        MessageId = MessageId,
        State = MailCodes.ToState(State),
        Attempts = checked((int)Attempts),
        CreatedAtUtc = CreatedAtUtc,
        NextAttemptAtUtc = NextAttemptAtUtc,
        SentAtUtc = SentAtUtc,
        LastError = LastError,
        Location = Location,
    };
}
