namespace CleaNum.Export.Spreadsheet;

/// <summary>One cell: text (always written as a string cell, never converted) or a number.</summary>
internal readonly record struct XCell(string? Text, double? Number, CellStyle Style)
{
    public static XCell Str(string? text, CellStyle style = CellStyle.Default) => new(text, null, style);

    public static XCell Id(string? text) => new(text, null, CellStyle.Identifier);

    public static XCell Num(double number, CellStyle style = CellStyle.Integer) => new(null, number, style);

    /// <summary>A real date cell (an OLE Automation serial number with a date format), shown as "dd/mm/yyyy hh:mm".</summary>
    public static XCell Date(DateTime value) => new(null, value.ToOADate(), CellStyle.DateTime);
}

internal sealed record SheetColumn(string Header, double Width, CellStyle HeaderStyle = CellStyle.Header);

/// <summary>How a sheet is printed on A4 landscape.</summary>
internal enum SheetPrint
{
    /// <summary>Shrunk to one page wide, whatever the scale.</summary>
    OnePageWide = 0,

    /// <summary>At the scale that fits the column widths on one page wide, never below
    /// <see cref="SpreadsheetWriter.MinimumPrintScale"/> % (wider sheets continue on a second page across).</summary>
    Readable = 1,
}

/// <summary>A sheet: a header row (frozen, repeated on every printed page, with an autofilter over the table unless
/// <paramref name="Filter"/> is false) and data rows, streamed.</summary>
internal sealed record SheetSpec(
    string Name,
    IReadOnlyList<SheetColumn> Columns,
    IEnumerable<XCell[]> Rows,
    bool Filter = true,
    SheetPrint Print = SheetPrint.OnePageWide);
