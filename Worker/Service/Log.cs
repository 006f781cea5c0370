using Microsoft.Extensions.Logging;

namespace CleaNum.Worker;

/// <summary>The service's messages (EventIds 51xx). File names only, never cell contents.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Watching {DepotPath} (stable after {StabilityDelay}, rescan every {RescanInterval})")]
    public static partial void Watching(this ILogger logger, string depotPath, TimeSpan stabilityDelay, TimeSpan rescanInterval);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "File watcher unavailable for {DepotPath}; relying on the rescan every {RescanInterval}")]
    public static partial void WatcherUnavailable(this ILogger logger, Exception exception, string depotPath, TimeSpan rescanInterval);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "File watcher error; depot/ will be rescanned")]
    public static partial void WatcherError(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Database unavailable while ingesting {FileName}; the file stays in depot/, next attempt in {RetryDelay}")]
    public static partial void StorageUnavailable(this ILogger logger, Exception exception, string fileName, TimeSpan retryDelay);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Information, Message = "{FileName} disappeared before it could be ingested")]
    public static partial void FileVanished(this ILogger logger, string fileName);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "Ingestion of {FileName} failed (attempt {Attempt}); it stays in depot/")]
    public static partial void AttemptFailed(this ILogger logger, Exception exception, string fileName, int attempt);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Error, Message = "{FileName} failed {Attempt} times; finished through the pipeline without another attempt: {FinalPath}")]
    public static partial void Quarantined(this ILogger logger, string fileName, int attempt, string finalPath);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Information, Message = "Consolidation requested by {FileName}")]
    public static partial void ConsolidationRequested(this ILogger logger, string fileName);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Information, Message = "Consolidation written: {AnnexPath}")]
    public static partial void ConsolidationWritten(this ILogger logger, string annexPath);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Error, Message = "Consolidation failed: {Reason}")]
    public static partial void ConsolidationNotWritten(this ILogger logger, string reason);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Error, Message = "Consolidation failed")]
    public static partial void ConsolidationCrashed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Information, Message = "Scheduled consolidation was due at {DueAt} and missed; running it now")]
    public static partial void ConsolidationOverdue(this ILogger logger, DateTimeOffset dueAt);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Information, Message = "Consolidation scheduled: {Cron} ({TimeZone}), next at {NextAt}")]
    public static partial void ConsolidationScheduled(this ILogger logger, string cron, string timeZone, DateTimeOffset? nextAt);

    [LoggerMessage(EventId = 5115, Level = LogLevel.Warning, Message = "Could not delete the trigger file {FileName}")]
    public static partial void TriggerNotDeleted(this ILogger logger, Exception exception, string fileName);

    [LoggerMessage(EventId = 5116, Level = LogLevel.Information, Message = "{Count} files waiting in depot/ at start-up")]
    public static partial void WaitingAtStartUp(this ILogger logger, int count);

    [LoggerMessage(EventId = 5161, Level = LogLevel.Information, Message = "{FileName} is held by another program; it stays in depot/ and is tried again (not counted as a failure)")]
    public static partial void FileLocked(this ILogger logger, string fileName);

    [LoggerMessage(EventId = 5162, Level = LogLevel.Critical, Message = "{FileName} could not even be refused through the pipeline; set aside without a report: {RefusedPath}")]
    public static partial void SetAsideWithoutReport(this ILogger logger, Exception exception, string fileName, string refusedPath);
}
