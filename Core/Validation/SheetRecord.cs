using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>
/// One record of a located sheet as the record validators see it, plus what its rules need to place an issue: sheet
/// name, Excel row, column label (<see cref="FieldDefinition.Label"/>) and cell address.
/// </summary>
internal abstract class SheetRecord(RawSheet sheet, RawRecord record)
{
    public RawSheet Sheet { get; } = sheet;

    public RawRecord Record { get; } = record;

    public int Row => Record.Row;

    public Cell? Cell(string key) => Record.Get(key);

    /// <summary>The field was located in the sheet (a missing column is the reader's COLUMN_MISSING, not REQUIRED).</summary>
    public bool IsFound(string key) => Sheet.FieldColumns.ContainsKey(key) || Record.Cells.ContainsKey(key);

    public bool IsBlank(string key) => Cell(key) is null or { IsBlank: true };

    public FieldDefinition Field(string key) => Sheet.Definition.Field(key);

    /// <summary>The text of the cell as the member reads it (null when blank).</summary>
    public string? Text(string key) => IsBlank(key) ? null : Parsing.CellParsers.Text(Cell(key));

    /// <summary>The parsed value of a non-blank cell whose parser found nothing wrong.</summary>
    public bool TryParse<TValue>(string key, Func<Cell, Parsing.Parsed<TValue>> parser, out TValue value)
    {
        ArgumentNullException.ThrowIfNull(parser);
        value = default!;
        if (Cell(key) is not { IsBlank: false } cell)
        {
            return false;
        }

        Parsing.Parsed<TValue> parsed = parser(cell);
        if (!parsed.IsOk || parsed.Value is null)
        {
            return false;
        }

        value = parsed.Value;
        return true;
    }

    /// <summary>The parsed text of a non-blank cell, kept also when its code is only a warning (URL, phone).</summary>
    public string? Lenient(string key, Func<Cell, Parsing.Parsed<string>> parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        if (Cell(key) is not { IsBlank: false } cell)
        {
            return null;
        }

        Parsing.Parsed<string> parsed = parser(cell);
        return parsed.IsOk || (parsed.Value is not null && IssueCatalog.Get(parsed.ErrorCode!).DefaultSeverity != Severity.Error)
            ? parsed.Value
            : null;
    }

    /// <summary>An issue located at the field's cell of this record.</summary>
    public Issue Issue(string code, string key, string message, string? value = null, string? hint = null, Severity? severity = null)
    {
        FieldDefinition field = Field(key);
        Cell? cell = Cell(key);
        int row = cell?.Row ?? Record.Row;
        string? address = cell?.Address;
        if (address is null && Sheet.Definition.Layout == SheetLayout.Table && Sheet.FieldColumns.TryGetValue(key, out int column))
        {
            address = Workbook.Cell.ColumnLetters(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return IssueCatalog.Create(code, message, Sheet.SheetName, row, field.Label, value, hint, address, severity);
    }
}
