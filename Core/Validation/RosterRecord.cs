using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>One record of <c>reseau.xlsx</c> (the head form or one member row).</summary>
internal sealed class RosterRecord(RawSheet sheet, RawRecord record) : SheetRecord(sheet, record);
