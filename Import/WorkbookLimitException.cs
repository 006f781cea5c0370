namespace CleaNum.Import;

/// <summary>Raised internally when a workbook exceeds a configured limit while it is read; it becomes FILE_TOO_LARGE.</summary>
internal sealed class WorkbookLimitException(string message, string hint) : Exception(message)
{
    public string Hint { get; } = hint;
}
