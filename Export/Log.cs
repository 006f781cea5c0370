using Microsoft.Extensions.Logging;

namespace CleaNum.Export;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Wrote member template {FilePath}")]
    public static partial void TemplateWritten(this ILogger logger, string filePath);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Wrote member report {FilePath} ({IssueCount} issues)")]
    public static partial void ReportWritten(this ILogger logger, string filePath, int issueCount);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information,
        Message = "Wrote annotated copy {FilePath} ({CellCount} cells marked)")]
    public static partial void AnnotatedCopyWritten(this ILogger logger, string filePath, int cellCount);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "No annotated copy for {FilePath}: the workbook could not be opened or saved")]
    public static partial void AnnotatedCopySkipped(this ILogger logger, Exception exception, string filePath);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "No annotated copy for {FilePath}: {Reason}")]
    public static partial void AnnotatedCopyNotApplicable(this ILogger logger, string filePath, string reason);
}
