using Microsoft.Extensions.Logging;

namespace CleaNum.Mail;

internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Connected to SMTP server {Host}:{Port} ({Security})")]
    public static partial void SmtpConnected(this ILogger logger, string host, int port, SmtpSecurity security);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "SMTP server {Host}:{Port} unavailable: {Reason}")]
    public static partial void SmtpConnectFailed(this ILogger logger, string host, int port, string reason);
}
