using Microsoft.Extensions.Logging;

namespace CleaNum.Worker;

internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Ingested {FileName}: {Status}, {IssueCount} issues, version {Version}")]
    public static partial void FileIngested(this ILogger logger, string fileName, CleaNum.Core.Domain.SubmissionStatus status, int issueCount, int version);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "Resumed {FileName}: submission {SubmissionId} was stored before an interruption")]
    public static partial void IngestResumed(this ILogger logger, string fileName, long submissionId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Could not put {FilePath} back after a failure")]
    public static partial void ReleaseFailed(this ILogger logger, Exception exception, string filePath);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Ingestion of {FilePath} failed")]
    public static partial void IngestFailed(this ILogger logger, Exception exception, string filePath);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Put {Count} interrupted files back into depot/")]
    public static partial void Recovered(this ILogger logger, int count);

    [LoggerMessage(EventId = 5060, Level = LogLevel.Error, Message = "The database refused the data of {FileName}; the file is refused with a report")]
    public static partial void SubmissionRejected(this ILogger logger, Exception exception, string fileName);
}
