using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>
/// One record of a located sheet as the record validators see it, plus what its rules need to place an issue: sheet
/// name, Excel row, column label (<see cref="FieldDefinition.Label"/>) and cell address.
/// </summary>
internal abstract class SheetRecord(RawSheet sheet, RawRecord record)
{
    private Dictionary<string, FieldParse>? _parsed;

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

    /// <summary>
    /// The field's parser (the one field → parser map, <see cref="ParseOutcome.Parse"/>, chosen by the field's
    /// <see cref="FieldFormat"/>) run on the cell as the format rule reads it, once per record and field: the format
    /// rule, the cross-field rules and <see cref="MemberNormaliser"/> all read this outcome. Null for free text and
    /// régions and for a blank cell; an optional field showing a formula error (« #N/A ») is parsed as that text, so
    /// that its format code names the error (its value is never used: the cell is blank).
    /// </summary>
    public ParseOutcome? Parsed(string key) => Parse(key).Rule;

    /// <summary>The typed value of a non-blank cell whose parser found nothing wrong.</summary>
    /// <exception cref="InvalidOperationException">The field's parser returns another type than <typeparamref name="TValue"/>.</exception>
    public bool TryParse<TValue>(string key, out TValue value)
    {
        value = default!;
        if (Parse(key).Value is not { Code: null, Value: { } parsed })
        {
            return false;
        }

        value = parsed is TValue typed
            ? typed
            : throw new InvalidOperationException($"Field {key} is parsed as {parsed.GetType().Name}, not {typeof(TValue).Name}.");
        return true;
    }

    /// <summary>The parsed text of a non-blank cell, kept also when its code is only a warning (URL, phone).</summary>
    public string? Lenient(string key) =>
        Parse(key).Value is { Value: string text } outcome
        && (outcome.Code is null || IssueCatalog.Get(outcome.Code).DefaultSeverity != Severity.Error)
            ? text
            : null;

    private FieldParse Parse(string key)
    {
        // sized for every field at once: the entries are large structs, and growing the table copied them over and over
        _parsed ??= new Dictionary<string, FieldParse>(Sheet.Definition.Fields.Count, StringComparer.Ordinal);
        if (!_parsed.TryGetValue(key, out FieldParse parse))
        {
            parse = FieldParse.Of(Field(key), Cell(key));
            _parsed[key] = parse;
        }

        return parse;
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

/// <summary>
/// One cell through its field's parser: <see cref="Value"/> is the outcome on a non-blank cell (what the record's typed
/// values come from), <see cref="Rule"/> what the format rule reports on (the same outcome, or the parse of the error
/// text of an optional field showing a formula error).
/// </summary>
internal readonly record struct FieldParse(ParseOutcome? Value, ParseOutcome? Rule)
{
    public static FieldParse Of(FieldDefinition field, Cell? cell)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (cell is null || !ParseOutcome.HasParser(field.Format))
        {
            return default;
        }

        ParseOutcome? value = cell.IsBlank ? null : ParseOutcome.Parse(field.Format, cell);
        if (cell is { Error: { } error } && !field.Required)
        {
            return new FieldParse(value, ParseOutcome.Parse(field.Format, new Cell(cell.Row, cell.Column, error)));
        }

        return new FieldParse(value, value);
    }
}
