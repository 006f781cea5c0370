using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>The single record of the <c>Organisme</c> form sheet.</summary>
internal sealed class OrganisationRecord(RawSheet sheet, RawRecord record, ValidationSettings settings) : SheetRecord(sheet, record)
{
    public ValidationSettings Settings { get; } = settings;
}
