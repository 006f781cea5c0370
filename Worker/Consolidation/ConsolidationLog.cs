using Microsoft.Extensions.Logging;

namespace CleaNum.Worker;

/// <summary>Log messages of the consolidation (EventIds 51xx).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Information,
        Message = "Consolidated {AnnexPath}: {MemberCount} members, {EstablishmentCount} establishments, {IssueCount} network issues")]
    public static partial void Consolidated(this ILogger logger, string annexPath, int memberCount, int establishmentCount, int issueCount);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Error, Message = "Consolidation failed")]
    public static partial void ConsolidationFailed(this ILogger logger, Exception exception);
}
