using System.Globalization;
using System.Xml;

namespace CleaNum.Export.Spreadsheet;

/// <summary>The worksheet part: views, columns, rows and cells, print settings.</summary>
internal static partial class SpreadsheetWriter
{
    /// <summary>Writes the sheet and returns its number of rows (header included).</summary>
    private static int Worksheet(XmlWriter w, SheetSpec sheet, bool selected)
    {
        int columns = sheet.Columns.Count;
        w.WriteStartElement("worksheet", MainNs);
        w.WriteAttributeString("xmlns", "r", null, RelNs);

        bool fit = sheet.Print == SheetPrint.OnePageWide;
        if (fit)
        {
            w.WriteStartElement("sheetPr", MainNs);
            w.WriteStartElement("pageSetUpPr", MainNs);
            w.WriteAttributeString("fitToPage", "1");
            w.WriteEndElement();
            w.WriteEndElement();
        }

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

        w.WriteStartElement("sheetFormatPr", MainNs);
        w.WriteAttributeString("defaultRowHeight", "15");
        w.WriteEndElement();

        w.WriteStartElement("cols", MainNs);
        for (int c = 0; c < columns; c++)
        {
            w.WriteStartElement("col", MainNs);
            w.WriteAttributeString("min", Int(c + 1));
            w.WriteAttributeString("max", Int(c + 1));
            w.WriteAttributeString("width", sheet.Columns[c].Width.ToString("0.###", CultureInfo.InvariantCulture));
            w.WriteAttributeString("customWidth", "1");
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("sheetData", MainNs);
        int row = 1;
        StartRow(w, row, RowHeight(sheet.Columns, [.. sheet.Columns.Select(c => XCell.Str(c.Header, c.HeaderStyle))]));
        for (int c = 0; c < columns; c++)
        {
            Cell(w, c, row, XCell.Str(sheet.Columns[c].Header, sheet.Columns[c].HeaderStyle));
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

        if (sheet.Filter)
        {
            w.WriteStartElement("autoFilter", MainNs);
            w.WriteAttributeString("ref", $"A1:{ColumnName(columns)}{Int(Math.Max(row, 1))}");
            w.WriteEndElement();
        }

        w.WriteStartElement("pageMargins", MainNs);
        w.WriteAttributeString("left", "0.4");
        w.WriteAttributeString("right", "0.4");
        w.WriteAttributeString("top", "0.5");
        w.WriteAttributeString("bottom", "0.5");
        w.WriteAttributeString("header", "0.3");
        w.WriteAttributeString("footer", "0.3");
        w.WriteEndElement();
        w.WriteStartElement("pageSetup", MainNs);
        w.WriteAttributeString("paperSize", "9");
        if (!fit)
        {
            w.WriteAttributeString("scale", Int(PrintScale(sheet.Columns)));
        }

        w.WriteAttributeString("orientation", "landscape");
        if (fit)
        {
            w.WriteAttributeString("fitToWidth", "1");
            w.WriteAttributeString("fitToHeight", "0");
        }

        w.WriteEndElement();

        w.WriteEndElement();
        return row;
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

    private static void StartRow(XmlWriter w, int row, double? height = null)
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
            or CellStyle.OkText or CellStyle.Section;

    private static void Cell(XmlWriter w, int column, int row, XCell cell)
    {
        if (cell.Number is { } number)
        {
            w.WriteStartElement("c", MainNs);
            w.WriteAttributeString("r", ColumnName(column + 1) + Int(row));
            if (cell.Style != CellStyle.Default)
            {
                w.WriteAttributeString("s", Int((int)cell.Style));
            }

            w.WriteElementString("v", MainNs, number.ToString("R", CultureInfo.InvariantCulture));
            w.WriteEndElement();
            return;
        }

        string text = Clean(cell.Text);
        if (text.Length == 0)
        {
            if (IsFilled(cell.Style))
            {
                // An empty cell of a coloured line keeps the colour, so the whole line reads as one.
                w.WriteStartElement("c", MainNs);
                w.WriteAttributeString("r", ColumnName(column + 1) + Int(row));
                w.WriteAttributeString("s", Int((int)cell.Style));
                w.WriteEndElement();
            }

            return;
        }

        w.WriteStartElement("c", MainNs);
        w.WriteAttributeString("r", ColumnName(column + 1) + Int(row));
        if (cell.Style != CellStyle.Default)
        {
            w.WriteAttributeString("s", Int((int)cell.Style));
        }

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
        w.WriteEndElement();
    }
}
