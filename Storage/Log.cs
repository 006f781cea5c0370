using Microsoft.Extensions.Logging;

namespace CleaNum.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Migrating {Database}")]
    public static partial void Migrating(this ILogger logger, string database);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Database {Database} is up to date ({ScriptCount} script(s) applied)")]
    public static partial void Migrated(this ILogger logger, string database, int scriptCount);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Critical, Message = "Migration of {Database} failed")]
    public static partial void MigrationFailed(this ILogger logger, Exception exception, string database);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Duplicate file {FileName} (sha256 {Sha256}) already stored as submission {SubmissionId}")]
    public static partial void DuplicateSubmission(this ILogger logger, string fileName, string sha256, long submissionId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Stored submission {SubmissionId} ({FileName}), member {Siren} version {Version}")]
    public static partial void SubmissionStored(this ILogger logger, long submissionId, string fileName, string? siren, int version);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Write conflict storing {FileName}, attempt {Attempt}; retrying")]
    public static partial void WriteConflict(this ILogger logger, string fileName, int attempt);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Deadlock storing {FileName}, attempt {Attempt}; replaying the transaction")]
    public static partial void DeadlockRetried(this ILogger logger, string fileName, int attempt);
}
