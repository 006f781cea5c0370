using Microsoft.Extensions.Logging;

namespace CleaNum.Worker.Service;

/// <summary>What the watcher sets aside or puts off (EventIds 517x). The warnings an administrator must act on are in
/// French, as service.md asks; each is logged once per file.</summary>
internal static partial class ReliabilityLog
{
    [LoggerMessage(EventId = 5170, Level = LogLevel.Warning,
        Message = "« {RelativePath} » est un lien symbolique, un tube (FIFO), une socket ou un périphérique : le service ne le suit pas, ne l'ouvre pas et le laisse en place dans depot/.")]
    public static partial void UnsupportedEntry(this ILogger logger, string relativePath);

    [LoggerMessage(EventId = 5171, Level = LogLevel.Warning,
        Message = "« {RelativePath} » avait un nom qui n'est pas de l'UTF-8 valide : renommé ainsi pour pouvoir le traiter.")]
    public static partial void InvalidNameRenamed(this ILogger logger, string relativePath);

    [LoggerMessage(EventId = 5172, Level = LogLevel.Warning,
        Message = "« {RelativePath} » ne peut pas être déplacé hors de depot/ (dossier protégé, nom refusé par le système…) : il reste en place et sera réessayé. {Reason}")]
    public static partial void NotMovable(this ILogger logger, string relativePath, string reason);

    [LoggerMessage(EventId = 5173, Level = LogLevel.Warning,
        Message = "« {RelativePath} » est enregistré mais son rapport ou son rangement a échoué (disque plein, dossier protégé ?) : il attend dans depot/ et sera terminé plus tard (prochain essai dans {RetryDelay}).")]
    public static partial void FinishPending(this ILogger logger, Exception exception, string relativePath, TimeSpan retryDelay);

    [LoggerMessage(EventId = 5174, Level = LogLevel.Information,
        Message = "{RelativePath} is still being written (changed after it was claimed, or unreadable within the grace period): back to depot/")]
    public static partial void StillBeingWritten(this ILogger logger, string relativePath);

    [LoggerMessage(EventId = 5175, Level = LogLevel.Information, Message = "Removed {Count} temporary files left by an interrupted write")]
    public static partial void DebrisRemoved(this ILogger logger, int count);

    [LoggerMessage(EventId = 5176, Level = LogLevel.Critical, Message = "{Message}")]
    public static partial void DatabaseGone(this ILogger logger, string message);
}
