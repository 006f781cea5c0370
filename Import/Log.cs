using Microsoft.Extensions.Logging;

namespace CleaNum.Import;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Workbook {FilePath} refused: {IssueCode}")]
    public static partial void WorkbookRefused(this ILogger logger, string filePath, string issueCode);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Workbook {FilePath} could not be read ({IssueCode})")]
    public static partial void WorkbookReadFailed(this ILogger logger, Exception exception, string filePath, string issueCode);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug,
        Message = "Read {FilePath}: {SheetCount} sheets located, {RecordCount} records, {IssueCount} issues in {ElapsedMilliseconds} ms")]
    public static partial void WorkbookRead(this ILogger logger, string filePath, int sheetCount, int recordCount, int issueCount, long elapsedMilliseconds);
}
