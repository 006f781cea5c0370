using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>One data row of <c>References</c>.</summary>
internal sealed class ReferenceRecord(RawSheet sheet, RawRecord record, ValidationSettings settings) : SheetRecord(sheet, record)
{
    public ValidationSettings Settings { get; } = settings;
}
