namespace CleaNum.Core.Workbook;

/// <summary>
/// A located sheet: its definition, the name it really has, the header row (table) and, for each field found, the
/// column it was found in (table) or the cell holding the label (form). Fields absent from <see cref="FieldColumns"/>
/// were not found.
/// </summary>
public sealed record RawSheet(
    SheetDefinition Definition,
    string SheetName,
    int HeaderRow,
    IReadOnlyDictionary<string, int> FieldColumns,
    IReadOnlyList<RawRecord> Records);
