using System.Globalization;
using System.Xml;

namespace CleaNum.Export.Spreadsheet;

/// <summary>
/// The worksheet part: views, columns, rows and cells, print settings. The <c>internal</c> methods are the one
/// SpreadsheetML emitter: the annex, the member report and the status workbook use them through <see cref="Write"/>, the
/// annotated copy's first sheet (<c>Reports/AnomaliesSheet</c>) calls them directly with the member's own style indexes.
/// </summary>
internal static partial class SpreadsheetWriter
{
    /// <summary>Writes the sheet and returns its number of rows (header included).</summary>
    private static int Worksheet(XmlWriter w, SheetSpec sheet, bool selected)
    {
        w.WriteStartElement("worksheet", MainNs);
        w.WriteAttributeString("xmlns", "r", null, RelNs);
        bool fit = sheet.Print == SheetPrint.OnePageWide;
        if (fit)
        {
            WriteFitToPage(w);
        }

        WriteFrozenHeaderView(w, selected);
        w.WriteStartElement("sheetFormatPr", MainNs);
        w.WriteAttributeString("defaultRowHeight", "15");
        w.WriteEndElement();
        WriteColumnWidths(w, [.. sheet.Columns.Select(c => c.Width)]);
        int row = WriteSheetData(w, sheet);
        if (sheet.Filter)
        {
            w.WriteStartElement("autoFilter", MainNs);
            w.WriteAttributeString("ref", $"A1:{ColumnName(sheet.Columns.Count)}{Int(Math.Max(row, 1))}");
            w.WriteEndElement();
        }

        WritePageMargins(w, left: "0.4", top: "0.5");
        if (fit)
        {
            WriteLandscapeOnePageWide(w, a4: true);
        }
        else
        {
            WriteLandscapeAtScale(w, PrintScale(sheet.Columns));
        }

        w.WriteEndElement();
        return row;
    }

    /// <summary>The header row then the data rows, as they are enumerated; returns the last row's number.</summary>
    private static int WriteSheetData(XmlWriter w, SheetSpec sheet)
    {
        int columns = sheet.Columns.Count;
        w.WriteStartElement("sheetData", MainNs);
        int row = 1;
        XCell[] header = [.. sheet.Columns.Select(c => XCell.Str(c.Header, c.HeaderStyle))];
        StartRow(w, row, RowHeight(sheet.Columns, header));
        for (int c = 0; c < columns; c++)
        {
            Cell(w, c, row, header[c]);
        }

        w.WriteEndElement();
        foreach (XCell[] cells in sheet.Rows)
        {
            row++;
            StartRow(w, row, RowHeight(sheet.Columns, cells));
            for (int c = 0; c < cells.Length && c < columns; c++)
            {
                Cell(w, c, row, cells[c]);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        return row;
    }

    /// <summary><c>sheetPr</c>: printed to fit the page setup's page counts.</summary>
    internal static void WriteFitToPage(XmlWriter w)
    {
        w.WriteStartElement("sheetPr", MainNs);
        w.WriteStartElement("pageSetUpPr", MainNs);
        w.WriteAttributeString("fitToPage", "1");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>The view of a table: the header row frozen, the cursor below it.</summary>
    private static void WriteFrozenHeaderView(XmlWriter w, bool selected)
    {
        w.WriteStartElement("sheetViews", MainNs);
        w.WriteStartElement("sheetView", MainNs);
        if (selected)
        {
            w.WriteAttributeString("tabSelected", "1");
        }

        w.WriteAttributeString("workbookViewId", "0");
        w.WriteStartElement("pane", MainNs);
        w.WriteAttributeString("ySplit", "1");
        w.WriteAttributeString("topLeftCell", "A2");
        w.WriteAttributeString("activePane", "bottomLeft");
        w.WriteAttributeString("state", "frozen");
        w.WriteEndElement();
        w.WriteStartElement("selection", MainNs);
        w.WriteAttributeString("pane", "bottomLeft");
        w.WriteAttributeString("activeCell", "A2");
        w.WriteAttributeString("sqref", "A2");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>The view of a sheet shown on opening, nothing frozen.</summary>
    internal static void WriteSelectedView(XmlWriter w)
    {
        w.WriteStartElement("sheetViews", MainNs);
        w.WriteStartElement("sheetView", MainNs);
        w.WriteAttributeString("tabSelected", "1");
        w.WriteAttributeString("workbookViewId", "0");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary><c>cols</c>: one explicit width per column (ClosedXML's AdjustToContents throws on Linux).</summary>
    internal static void WriteColumnWidths(XmlWriter w, IReadOnlyList<double> widths)
    {
        w.WriteStartElement("cols", MainNs);
        for (int c = 0; c < widths.Count; c++)
        {
            w.WriteStartElement("col", MainNs);
            w.WriteAttributeString("min", Int(c + 1));
            w.WriteAttributeString("max", Int(c + 1));
            w.WriteAttributeString("width", widths[c].ToString("0.###", CultureInfo.InvariantCulture));
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    internal static void WriteMergedCells(XmlWriter w, string range)
    {
        w.WriteStartElement("mergeCells", MainNs);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("mergeCell", MainNs);
        w.WriteAttributeString("ref", range);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>Page margins in inches: <paramref name="left"/> on both sides, <paramref name="top"/> at top and bottom,
    /// 0.3 for the header and footer.</summary>
    internal static void WritePageMargins(XmlWriter w, string left, string top)
    {
        w.WriteStartElement("pageMargins", MainNs);
        w.WriteAttributeString("left", left);
        w.WriteAttributeString("right", left);
        w.WriteAttributeString("top", top);
        w.WriteAttributeString("bottom", top);
        w.WriteAttributeString("header", "0.3");
        w.WriteAttributeString("footer", "0.3");
        w.WriteEndElement();
    }

    /// <summary>Landscape, one page wide (as many pages down as needed); on A4 when <paramref name="a4"/>, else on the
    /// printer's default paper.</summary>
    internal static void WriteLandscapeOnePageWide(XmlWriter w, bool a4 = false)
    {
        w.WriteStartElement("pageSetup", MainNs);
        if (a4)
        {
            w.WriteAttributeString("paperSize", "9");
        }

        w.WriteAttributeString("orientation", "landscape");
        w.WriteAttributeString("fitToWidth", "1");
        w.WriteAttributeString("fitToHeight", "0");
        w.WriteEndElement();
    }

    /// <summary>A4 landscape at a fixed scale (%).</summary>
    private static void WriteLandscapeAtScale(XmlWriter w, int scale)
    {
        w.WriteStartElement("pageSetup", MainNs);
        w.WriteAttributeString("paperSize", "9");
        w.WriteAttributeString("scale", Int(scale));
        w.WriteAttributeString("orientation", "landscape");
        w.WriteEndElement();
    }

    /// <summary>The print scale (%) that fits the columns on one A4 landscape page wide: 100 when they fit, never below
    /// <see cref="MinimumPrintScale"/>.</summary>
    internal static int PrintScale(IReadOnlyList<SheetColumn> columns) =>
        Math.Clamp(FittingScale(columns), MinimumPrintScale, 100);

    /// <summary>The scale (%) at which the columns fill the printable width. A column of width w (characters of Calibri
    /// 11, or its metric twin Carlito) prints about 2 mm per character plus 1.3 mm of padding: measured on LibreOffice's
    /// PDF export, a little above Excel's 7 pixels per character at 96 dpi, so that neither spills a column.</summary>
    internal static int FittingScale(IReadOnlyList<SheetColumn> columns)
    {
        double millimetres = columns.Sum(c => (c.Width * 2.0) + 1.3);
        return (int)Math.Floor(PrintableWidthMm / millimetres * 100);
    }

    /// <summary>Opens a <c>row</c> element (the caller closes it), with a custom height when given.</summary>
    internal static void StartRow(XmlWriter w, int row, double? height = null)
    {
        w.WriteStartElement("row", MainNs);
        w.WriteAttributeString("r", Int(row));
        if (height is { } ht)
        {
            w.WriteAttributeString("ht", ht.ToString("0.##", CultureInfo.InvariantCulture));
            w.WriteAttributeString("customHeight", "1");
        }
    }

    /// <summary>Height of a row whose wrapped cells need several lines (LibreOffice does not recompute row heights on
    /// load): lines estimated from the text length and the column width; null for one line.</summary>
    private static double? RowHeight(IReadOnlyList<SheetColumn> columns, XCell[] cells)
    {
        int lines = 1;
        for (int c = 0; c < cells.Length && c < columns.Count; c++)
        {
            if (!IsWrapped(cells[c].Style) || string.IsNullOrEmpty(cells[c].Text))
            {
                continue;
            }

            int perLine = Math.Max(1, (int)(columns[c].Width * 1.1) - 1);
            int cellLines = 0;
            foreach (string part in cells[c].Text!.Split('\n'))
            {
                cellLines += Math.Max(1, (part.Length + perLine - 1) / perLine);
            }

            lines = Math.Max(lines, cellLines);
        }

        return lines <= 1 ? null : Math.Min(409, 15 * lines);
    }

    private static bool IsWrapped(CellStyle style) =>
        style is CellStyle.Wrap or CellStyle.Header or CellStyle.ErrorText or CellStyle.WarningText or CellStyle.WrapText
            or CellStyle.OkText or CellStyle.Section;

    private static bool IsFilled(CellStyle style) =>
        style is CellStyle.ErrorText or CellStyle.WarningText or CellStyle.ErrorNumber or CellStyle.WarningNumber
            or CellStyle.OkText or CellStyle.Section or CellStyle.LeftErrorNumber;

    /// <summary>A cell of CleaNum's own style sheet; an empty cell is written only when its fill colours the line.</summary>
    private static void Cell(XmlWriter w, int column, int row, XCell cell) =>
        WriteCell(w, column, row, cell, (int)cell.Style, keepEmpty: IsFilled(cell.Style));

    /// <summary>One cell with its style index (0 = none): a number, an inline string (cleaned by <see cref="Clean"/>),
    /// or, for empty text, nothing unless <paramref name="keepEmpty"/> (then an empty cell that keeps its format).</summary>
    internal static void WriteCell(XmlWriter w, int column, int row, XCell cell, int style, bool keepEmpty)
    {
        string text = cell.Number is null ? Clean(cell.Text) : "";
        if (cell.Number is null && text.Length == 0 && !keepEmpty)
        {
            return;
        }

        w.WriteStartElement("c", MainNs);
        w.WriteAttributeString("r", ColumnName(column + 1) + Int(row));
        if (style != 0)
        {
            w.WriteAttributeString("s", Int(style));
        }

        if (cell.Number is { } number)
        {
            w.WriteElementString("v", MainNs, number.ToString("R", CultureInfo.InvariantCulture));
        }
        else if (text.Length > 0)
        {
            WriteInlineString(w, text);
        }

        w.WriteEndElement();
    }

    private static void WriteInlineString(XmlWriter w, string text)
    {
        w.WriteAttributeString("t", "inlineStr");
        w.WriteStartElement("is", MainNs);
        w.WriteStartElement("t", MainNs);
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains('\n', StringComparison.Ordinal))
        {
            w.WriteAttributeString("xml", "space", null, "preserve");
        }

        w.WriteString(text);
        w.WriteEndElement();
        w.WriteEndElement();
    }
}
