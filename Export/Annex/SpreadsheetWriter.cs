using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CleaNum.Export.Annex;

/// <summary>Styles of <see cref="SpreadsheetWriter"/> (indexes into cellXfs).</summary>
internal enum CellStyle : byte
{
    Default = 0,

    /// <summary>Header row: bold on a light blue fill, wrapped, centred vertically.</summary>
    Header = 1,

    /// <summary>Text number format ("@"): SIRET, SIREN, postal codes stay text when edited.</summary>
    Identifier = 2,

    /// <summary>Wrapped, top-aligned (long free text).</summary>
    Wrap = 3,

    /// <summary>Bold (section titles).</summary>
    Bold = 4,

    /// <summary>Integer number format "0".</summary>
    Integer = 5,

    /// <summary>Amount in euros, "# ##0 €".</summary>
    Euro = 6,

    /// <summary>Text ("@"), wrapped, top-aligned, on a red fill (#FFC7CE): a line about an error.</summary>
    ErrorText = 7,

    /// <summary>Text ("@"), wrapped, top-aligned, on an orange fill (#FFEB9C): a line about a warning.</summary>
    WarningText = 8,

    /// <summary>Text ("@"), wrapped, top-aligned: free text that may hold identifiers.</summary>
    WrapText = 9,

    /// <summary>Number centred at the top, on a red fill (#FFC7CE).</summary>
    ErrorNumber = 10,

    /// <summary>Number centred at the top, on an orange fill (#FFEB9C).</summary>
    WarningNumber = 11,

    /// <summary>Number centred at the top.</summary>
    CenteredNumber = 12,

    /// <summary>Text ("@"), wrapped, top-aligned, on a green fill (#C6EFCE): a good outcome.</summary>
    OkText = 13,

    /// <summary>Date and time "dd/mm/yyyy hh:mm", left-aligned at the top (a real date cell).</summary>
    DateTime = 14,

    /// <summary>Integer "0", left-aligned at the top (a value next to its label, not pushed to the far edge).</summary>
    LeftInteger = 15,

    /// <summary>Amount in euros "# ##0 €", left-aligned at the top.</summary>
    LeftEuro = 16,

    /// <summary>Bold on a light grey fill, top-aligned (a section title spanning a two-column sheet).</summary>
    Section = 17,
}

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

/// <summary>
/// A small streaming SpreadsheetML (xlsx) writer: System.IO.Compression + XmlWriter, inline strings, a fixed style sheet,
/// frozen header row repeated on every printed page (<c>_xlnm.Print_Titles</c>), autofilter (with its
/// <c>_xlnm._FilterDatabase</c> name, as Excel writes it), explicit column widths and A4 landscape printing (one page wide,
/// or at a readable scale computed from the widths). Rows are written as they are enumerated, so memory does not grow with the
/// sheet; every zip entry has a fixed timestamp and no document property holds a date, so the same sheets give the same
/// bytes. ClosedXML 0.95.4 builds the whole workbook in memory and is several times slower on large sheets.
/// </summary>
internal static class SpreadsheetWriter
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const int MaxCellText = 32_767;

    /// <summary>The smallest print scale (%) of a <see cref="SheetPrint.Readable"/> sheet.</summary>
    public const int MinimumPrintScale = 70;

    /// <summary>Width available on an A4 landscape page between the margins below (297 mm − 2 × 0.4 in), less a little
    /// room for the rounding of column widths by Excel and LibreOffice.</summary>
    private const double PrintableWidthMm = 270;

    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        CloseOutput = false,
    };

    /// <summary>Writes under a temporary name in the target folder, then moves it over <paramref name="path"/>.</summary>
    public static void WriteAtomically(string path, IReadOnlyList<SheetSpec> sheets) =>
        WorkbookFiles.WriteAtomically(path, stream => Write(stream, sheets));

    public static void Write(Stream output, IReadOnlyList<SheetSpec> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one sheet.", nameof(sheets));
        }

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, "[Content_Types].xml", w => ContentTypes(w, sheets.Count));
        WriteEntry(zip, "_rels/.rels", PackageRels);
        var rowCounts = new int[sheets.Count];
        for (int i = 0; i < sheets.Count; i++)
        {
            int index = i;
            WriteEntry(zip, $"xl/worksheets/sheet{i + 1}.xml", w => rowCounts[index] = Worksheet(w, sheets[index], index == 0));
        }

        WriteEntry(zip, "xl/workbook.xml", w => Workbook(w, sheets, rowCounts));
        WriteEntry(zip, "xl/_rels/workbook.xml.rels", w => WorkbookRels(w, sheets.Count));
        WriteEntry(zip, "xl/styles.xml", Styles);
        WriteEntry(zip, "docProps/app.xml", App);
    }

    private static void WriteEntry(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = EntryTime;
        // XmlWriter hands the deflater a few kilobytes at a time already: no 64 KB buffer per part (a member report has
        // seven parts, and every file ingested writes one).
        using Stream stream = entry.Open();
        using (XmlWriter writer = XmlWriter.Create(stream, XmlSettings))
        {
            writer.WriteStartDocument(standalone: true);
            write(writer);
            writer.WriteEndDocument();
        }
    }

    private static void ContentTypes(XmlWriter w, int sheetCount)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        w.WriteStartElement("Types", ns);
        Default(w, ns, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, ns, "xml", "application/xml");
        Override(w, ns, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (int i = 1; i <= sheetCount; i++)
        {
            Override(w, ns, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }

        Override(w, ns, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        Override(w, ns, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        w.WriteEndElement();

        static void Default(XmlWriter w, string ns, string extension, string type)
        {
            w.WriteStartElement("Default", ns);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        static void Override(XmlWriter w, string ns, string part, string type)
        {
            w.WriteStartElement("Override", ns);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    }

    private static void PackageRels(XmlWriter w)
    {
        w.WriteStartElement("Relationships", PackageRelNs);
        Relationship(w, "rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml");
        Relationship(w, "rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties", "docProps/app.xml");
        w.WriteEndElement();
    }

    private static void WorkbookRels(XmlWriter w, int sheetCount)
    {
        w.WriteStartElement("Relationships", PackageRelNs);
        for (int i = 1; i <= sheetCount; i++)
        {
            Relationship(w, $"rId{i}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", $"worksheets/sheet{i}.xml");
        }

        Relationship(w, $"rId{sheetCount + 1}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml");
        w.WriteEndElement();
    }

    private static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRelNs);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    private static void App(XmlWriter w)
    {
        w.WriteStartElement("Properties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
        w.WriteElementString("Application", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "CleaNum");
        w.WriteEndElement();
    }

    private static void Workbook(XmlWriter w, IReadOnlyList<SheetSpec> sheets, int[] rowCounts)
    {
        w.WriteStartElement("workbook", MainNs);
        w.WriteAttributeString("xmlns", "r", null, RelNs);
        w.WriteStartElement("bookViews", MainNs);
        w.WriteStartElement("workbookView", MainNs);
        w.WriteAttributeString("activeTab", "0");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("sheets", MainNs);
        for (int i = 0; i < sheets.Count; i++)
        {
            w.WriteStartElement("sheet", MainNs);
            w.WriteAttributeString("name", sheets[i].Name);
            w.WriteAttributeString("sheetId", Int(i + 1));
            w.WriteAttributeString("id", RelNs, $"rId{i + 1}");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("definedNames", MainNs);
        for (int i = 0; i < sheets.Count; i++)
        {
            string quoted = "'" + sheets[i].Name.Replace("'", "''", StringComparison.Ordinal) + "'";
            if (sheets[i].Filter)
            {
                w.WriteStartElement("definedName", MainNs);
                w.WriteAttributeString("name", "_xlnm._FilterDatabase");
                w.WriteAttributeString("localSheetId", Int(i));
                w.WriteAttributeString("hidden", "1");
                w.WriteString($"{quoted}!$A$1:${ColumnName(sheets[i].Columns.Count)}${Int(Math.Max(rowCounts[i], 1))}");
                w.WriteEndElement();
            }

            // The header row printed again at the top of every page.
            w.WriteStartElement("definedName", MainNs);
            w.WriteAttributeString("name", "_xlnm.Print_Titles");
            w.WriteAttributeString("localSheetId", Int(i));
            w.WriteString($"{quoted}!$1:$1");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

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

    /// <summary>Drops characters XML 1.0 cannot hold (control characters, lone surrogates), normalises line breaks and
    /// cuts the text at Excel's 32,767 characters.</summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        bool clean = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' || (c < 0x20 && c != '\n' && c != '\t') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                clean = false;
                break;
            }
        }

        if (!clean)
        {
            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                    {
                        builder.Append('\n');
                    }
                }
                else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[i + 1]);
                    i++;
                }
                else if (!((c < 0x20 && c != '\n' && c != '\t') || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c)))
                {
                    builder.Append(c);
                }
            }

            text = builder.ToString();
        }

        if (text.Length > MaxCellText)
        {
            int cut = MaxCellText;
            if (char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            text = text[..cut];
        }

        return text;
    }

    private static void Styles(XmlWriter w)
    {
        w.WriteStartElement("styleSheet", MainNs);

        w.WriteStartElement("numFmts", MainNs);
        w.WriteAttributeString("count", "2");
        w.WriteStartElement("numFmt", MainNs);
        w.WriteAttributeString("numFmtId", "164");
        w.WriteAttributeString("formatCode", "#,##0\\ \"€\"");
        w.WriteEndElement();
        w.WriteStartElement("numFmt", MainNs);
        w.WriteAttributeString("numFmtId", "165");
        w.WriteAttributeString("formatCode", "dd/mm/yyyy\\ hh:mm");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("fonts", MainNs);
        w.WriteAttributeString("count", "2");
        Font(w, bold: false);
        Font(w, bold: true);
        w.WriteEndElement();

        w.WriteStartElement("fills", MainNs);
        w.WriteAttributeString("count", "7");
        Fill(w, "none", null);
        Fill(w, "gray125", null);
        Fill(w, "solid", "FFD9E1F2");
        Fill(w, "solid", "FFFFC7CE");
        Fill(w, "solid", "FFFFEB9C");
        Fill(w, "solid", "FFC6EFCE");
        Fill(w, "solid", "FFEDEDED");
        w.WriteEndElement();

        w.WriteStartElement("borders", MainNs);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("border", MainNs);
        foreach (string side in new[] { "left", "right", "top", "bottom", "diagonal" })
        {
            w.WriteElementString(side, MainNs, null);
        }

        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("cellStyleXfs", MainNs);
        w.WriteAttributeString("count", "1");
        Xf(w, numFmt: 0, font: 0, fill: 0, wrap: false, vertical: "top", isStyle: true);
        w.WriteEndElement();

        // Order = CellStyle values. Every data style is top-aligned, so that a one-line cell sits level with the first
        // line of a wrapped neighbour (the row reads as one).
        w.WriteStartElement("cellXfs", MainNs);
        w.WriteAttributeString("count", "18");
        Xf(w, numFmt: 0, font: 0, fill: 0, wrap: false, vertical: "top");
        Xf(w, numFmt: 0, font: 1, fill: 2, wrap: true, vertical: "center");
        Xf(w, numFmt: 49, font: 0, fill: 0, wrap: false, vertical: "top");
        Xf(w, numFmt: 0, font: 0, fill: 0, wrap: true, vertical: "top");
        Xf(w, numFmt: 0, font: 1, fill: 0, wrap: false, vertical: "top");
        Xf(w, numFmt: 1, font: 0, fill: 0, wrap: false, vertical: "top");
        Xf(w, numFmt: 164, font: 0, fill: 0, wrap: false, vertical: "top");
        Xf(w, numFmt: 49, font: 0, fill: 3, wrap: true, vertical: "top");
        Xf(w, numFmt: 49, font: 0, fill: 4, wrap: true, vertical: "top");
        Xf(w, numFmt: 49, font: 0, fill: 0, wrap: true, vertical: "top");
        Xf(w, numFmt: 0, font: 0, fill: 3, wrap: false, vertical: "top", horizontal: "center");
        Xf(w, numFmt: 0, font: 0, fill: 4, wrap: false, vertical: "top", horizontal: "center");
        Xf(w, numFmt: 0, font: 0, fill: 0, wrap: false, vertical: "top", horizontal: "center");
        Xf(w, numFmt: 49, font: 0, fill: 5, wrap: true, vertical: "top");
        Xf(w, numFmt: 165, font: 0, fill: 0, wrap: false, vertical: "top", horizontal: "left");
        Xf(w, numFmt: 1, font: 0, fill: 0, wrap: false, vertical: "top", horizontal: "left");
        Xf(w, numFmt: 164, font: 0, fill: 0, wrap: false, vertical: "top", horizontal: "left");
        Xf(w, numFmt: 0, font: 1, fill: 6, wrap: true, vertical: "top");
        w.WriteEndElement();

        w.WriteStartElement("cellStyles", MainNs);
        w.WriteAttributeString("count", "1");
        w.WriteStartElement("cellStyle", MainNs);
        w.WriteAttributeString("name", "Normal");
        w.WriteAttributeString("xfId", "0");
        w.WriteAttributeString("builtinId", "0");
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteEndElement();

        static void Font(XmlWriter w, bool bold)
        {
            w.WriteStartElement("font", MainNs);
            if (bold)
            {
                w.WriteElementString("b", MainNs, null);
            }

            w.WriteStartElement("sz", MainNs);
            w.WriteAttributeString("val", "11");
            w.WriteEndElement();
            w.WriteStartElement("name", MainNs);
            w.WriteAttributeString("val", "Calibri");
            w.WriteEndElement();
            w.WriteStartElement("family", MainNs);
            w.WriteAttributeString("val", "2");
            w.WriteEndElement();
            w.WriteEndElement();
        }

        static void Fill(XmlWriter w, string pattern, string? color)
        {
            w.WriteStartElement("fill", MainNs);
            w.WriteStartElement("patternFill", MainNs);
            w.WriteAttributeString("patternType", pattern);
            if (color is not null)
            {
                w.WriteStartElement("fgColor", MainNs);
                w.WriteAttributeString("rgb", color);
                w.WriteEndElement();
                w.WriteStartElement("bgColor", MainNs);
                w.WriteAttributeString("indexed", "64");
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        static void Xf(
            XmlWriter w, int numFmt, int font, int fill, bool wrap, string? vertical, bool isStyle = false,
            string? horizontal = null)
        {
            w.WriteStartElement("xf", MainNs);
            w.WriteAttributeString("numFmtId", Int(numFmt));
            w.WriteAttributeString("fontId", Int(font));
            w.WriteAttributeString("fillId", Int(fill));
            w.WriteAttributeString("borderId", "0");
            if (isStyle && vertical is not null)
            {
                // The Normal cell style itself is top-aligned: LibreOffice shows a cell without a style index in it.
                w.WriteAttributeString("applyAlignment", "1");
                w.WriteStartElement("alignment", MainNs);
                w.WriteAttributeString("vertical", vertical);
                w.WriteEndElement();
            }

            if (!isStyle)
            {
                w.WriteAttributeString("xfId", "0");
                if (numFmt != 0)
                {
                    w.WriteAttributeString("applyNumberFormat", "1");
                }

                if (font != 0)
                {
                    w.WriteAttributeString("applyFont", "1");
                }

                if (fill != 0)
                {
                    w.WriteAttributeString("applyFill", "1");
                }

                if (wrap || vertical is not null || horizontal is not null)
                {
                    w.WriteAttributeString("applyAlignment", "1");
                    w.WriteStartElement("alignment", MainNs);
                    if (horizontal is not null)
                    {
                        w.WriteAttributeString("horizontal", horizontal);
                    }

                    if (vertical is not null)
                    {
                        w.WriteAttributeString("vertical", vertical);
                    }

                    if (wrap)
                    {
                        w.WriteAttributeString("wrapText", "1");
                    }

                    w.WriteEndElement();
                }
            }

            w.WriteEndElement();
        }
    }

    /// <summary>1 → "A", 27 → "AA" (1-based, as the writer counts columns).</summary>
    internal static string ColumnName(int column) => column <= 0 ? "" : CleaNum.Core.Workbook.Cell.ColumnLetters(column - 1);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
