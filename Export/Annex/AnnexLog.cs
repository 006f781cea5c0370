using Microsoft.Extensions.Logging;

namespace CleaNum.Export;

/// <summary>Log messages of the annex and status workbook writers (EventIds 41xx).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Wrote network annex {FilePath} ({EstablishmentCount} establishments, {CvCount} CVs)")]
    public static partial void AnnexWritten(this ILogger logger, string filePath, int establishmentCount, int cvCount);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "Wrote the dossier's Word attachments {CvFilePath} ({CvCount} CVs) and {TablesFilePath}")]
    public static partial void WordAttachmentsWritten(this ILogger logger, string cvFilePath, string tablesFilePath, int cvCount);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Wrote network status workbook {FilePath} ({MemberCount} members)")]
    public static partial void StatusWorkbookWritten(this ILogger logger, string filePath, int memberCount);
}
