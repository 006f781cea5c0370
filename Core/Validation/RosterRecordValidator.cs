using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>The generic rules (REQUIRED, SIREN_*, YEAR_INVALID, DATE_FORMAT…) of one sheet of <c>reseau.xlsx</c>.</summary>
internal sealed class RosterRecordValidator(SheetDefinition definition) : SheetRecordValidator<RosterRecord>(definition);
