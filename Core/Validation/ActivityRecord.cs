using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>One data row of the optional <c>Activite</c> sheet (form 3.2).</summary>
internal sealed class ActivityRecord(RawSheet sheet, RawRecord record, ValidationSettings settings) : SheetRecord(sheet, record)
{
    public ValidationSettings Settings { get; } = settings;
}
