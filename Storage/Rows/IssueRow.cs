using CleaNum.Core.Issues;

namespace CleaNum.Storage.Rows;

/// <summary>Table <c>issue</c>: one finding, column by column, so a report can be rebuilt with SQL.</summary>
internal sealed class IssueRow
{
    public long SubmissionId { get; set; }
    public long Ordinal { get; set; }
    public string Severity { get; set; } = "";
    public string Code { get; set; } = "";
    public string? Sheet { get; set; }
    public long? SheetRow { get; set; }
    public string? ColumnLabel { get; set; }
    public string? CellValue { get; set; }
    public string Message { get; set; } = "";
    public string? Hint { get; set; }
    public string? CellAddress { get; set; }

    public static IssueRow From(long submissionId, int ordinal, Issue i) => new()
    {
        SubmissionId = submissionId,
        Ordinal = ordinal,
        Severity = StorageCodes.ToCode(i.Severity),
        Code = i.Code,
        Sheet = i.Sheet,
        SheetRow = i.Row,
        ColumnLabel = i.Column,
        CellValue = i.Value,
        Message = i.Message,
        Hint = i.Hint,
        CellAddress = i.CellAddress,
    };

    public Issue ToDomain() =>
        new(StorageCodes.ToSeverity(Severity), Code, Sheet, StorageCodes.ToInt(SheetRow), ColumnLabel, CellValue, Message, Hint)
        {
            CellAddress = CellAddress,
        };
}
