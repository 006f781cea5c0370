using Microsoft.Extensions.Logging;

namespace CleaNum.Worker.Web;

/// <summary>The dashboard's messages (EventIds 56xx). The port-in-use warning is in French: it is the one the network
/// head reads when the page does not open.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 5601, Level = LogLevel.Information, Message = "Dashboard listening on {Addresses}")]
    public static partial void DashboardListening(this ILogger logger, string addresses);

    [LoggerMessage(EventId = 5602, Level = LogLevel.Warning, Message = "Attention : {Reason} ; le service continue d'intégrer les fichiers sans tableau de bord (changez Web:Urls, ou « Off »).")]
    public static partial void DashboardUnavailable(this ILogger logger, string reason);

    [LoggerMessage(EventId = 5603, Level = LogLevel.Information, Message = "Consolidation requested from the dashboard")]
    public static partial void ConsolidationRequestedFromDashboard(this ILogger logger);

    [LoggerMessage(EventId = 5604, Level = LogLevel.Warning, Message = "Dashboard sign-in failed from {Client}")]
    public static partial void DashboardSignInFailed(this ILogger logger, string client);

    [LoggerMessage(EventId = 5605, Level = LogLevel.Error, Message = "Dashboard page {Path} failed")]
    public static partial void DashboardPageFailed(this ILogger logger, Exception exception, string path);
}
