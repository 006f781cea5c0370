using Microsoft.Extensions.Logging;

namespace CleaNum.Import;

internal static partial class Log
{
    // A member's file refused for what it holds is an outcome reported to the member (in French), not a warning for the
    // operator: Information, so the CLI (which shows warnings) prints only its French answer.
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Workbook {FilePath} refused: {IssueCode}")]
    public static partial void WorkbookRefused(this ILogger logger, string filePath, string issueCode);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Workbook {FilePath} could not be read ({IssueCode})")]
    public static partial void WorkbookReadFailed(this ILogger logger, Exception exception, string filePath, string issueCode);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug,
        Message = "Read {FilePath}: {SheetCount} sheets located, {RecordCount} records, {IssueCount} issues in {ElapsedMilliseconds} ms")]
    public static partial void WorkbookRead(this ILogger logger, string filePath, int sheetCount, int recordCount, int issueCount, long elapsedMilliseconds);
}
