using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>One data row of <c>Intervenants</c>.</summary>
internal sealed class IntervenantRecord(RawSheet sheet, RawRecord record, ValidationSettings settings) : SheetRecord(sheet, record)
{
    public ValidationSettings Settings { get; } = settings;
}
