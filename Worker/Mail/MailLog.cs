using CleaNum.Core.Mail;
using Microsoft.Extensions.Logging;

namespace CleaNum.Worker.Mail;

internal static partial class MailLog
{
    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Sent message {MailId} ({Kind}) to member {Siren}")]
    public static partial void MailSent(this ILogger logger, long mailId, MailKind kind, string? siren);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "Message {MailId} not sent, retrying in {Delay}: {Reason}")]
    public static partial void MailRetrying(this ILogger logger, long mailId, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Error, Message = "Message {MailId} failed for good: {Reason}")]
    public static partial void MailFailed(this ILogger logger, long mailId, string reason);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Warning,
        Message = "{Count} message(s) were being sent when the previous run stopped: marked interrupted, not sent again")]
    public static partial void MailInterrupted(this ILogger logger, int count);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Warning, Message = "Mail delivery pass failed")]
    public static partial void MailPassFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Information, Message = "Queued message {MailId} ({Kind}) for member {Siren}")]
    public static partial void MailQueued(this ILogger logger, long mailId, MailKind kind, string? siren);

    [LoggerMessage(EventId = 5307, Level = LogLevel.Information, Message = "No e-mail address for member {Siren}: report {ReportPath} not sent")]
    public static partial void MailNoAddress(this ILogger logger, string? siren, string reportPath);

    [LoggerMessage(EventId = 5308, Level = LogLevel.Information, Message = "Re-issued the report of member {Siren}: its verdict changed")]
    public static partial void ReportReissued(this ILogger logger, string siren);

    [LoggerMessage(EventId = 5309, Level = LogLevel.Information, Message = "Reminders: {Queued} queued out of {Candidates} members to remind")]
    public static partial void RemindersQueued(this ILogger logger, int queued, int candidates);

    [LoggerMessage(EventId = 5310, Level = LogLevel.Error, Message = "Scheduled reminders failed")]
    public static partial void RemindersFailed(this ILogger logger, Exception exception);
}
