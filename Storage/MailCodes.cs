using CleaNum.Core.Mail;

namespace CleaNum.Storage;

/// <summary>Text codes of <c>member_mail.kind</c>, <c>member_mail.state</c> and <c>member_report.reason</c>.</summary>
internal static class MailCodes
{
    public static string ToCode(MailKind kind) => kind switch
    {
        MailKind.Report => "report",
        MailKind.Reissue => "reissue",
        MailKind.Duplicate => "duplicate",
        MailKind.Reminder => "reminder",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static MailKind ToKind(string code) => code switch
    {
        "report" => MailKind.Report,
        "reissue" => MailKind.Reissue,
        "duplicate" => MailKind.Duplicate,
        "reminder" => MailKind.Reminder,
        _ => throw new InvalidDataException($"Unknown mail kind '{code}'."),
    };

    public static string ToCode(MailState state) => state switch
    {
        MailState.Pending => "pending",
        MailState.Sending => "sending",
        MailState.Sent => "sent",
        MailState.Failed => "failed",
        MailState.Interrupted => "interrupted",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static MailState ToState(string code) => code switch
    {
        "pending" => MailState.Pending,
        "sending" => MailState.Sending,
        "sent" => MailState.Sent,
        "failed" => MailState.Failed,
        "interrupted" => MailState.Interrupted,
        _ => throw new InvalidDataException($"Unknown mail state '{code}'."),
    };
}
