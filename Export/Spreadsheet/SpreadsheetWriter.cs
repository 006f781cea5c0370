using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace CleaNum.Export.Spreadsheet;

/// <summary>
/// A small streaming SpreadsheetML (xlsx) writer: System.IO.Compression + XmlWriter, inline strings, a fixed style sheet,
/// frozen header row repeated on every printed page (<c>_xlnm.Print_Titles</c>), autofilter (with its
/// <c>_xlnm._FilterDatabase</c> name, as Excel writes it), explicit column widths and A4 landscape printing (one page wide,
/// or at a readable scale computed from the widths). Rows are written as they are enumerated, so memory does not grow with the
/// sheet; every zip entry has a fixed timestamp and no document property holds a date, so the same sheets give the same
/// bytes. ClosedXML 0.95.4 builds the whole workbook in memory and is several times slower on large sheets.
/// </summary>
internal static partial class SpreadsheetWriter
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

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
        FixedParts fixedParts = FixedPartsFor(sheets.Count);
        WriteEntry(zip, "[Content_Types].xml", fixedParts.ContentTypes);
        WriteEntry(zip, "_rels/.rels", fixedParts.PackageRels);
        var rowCounts = new int[sheets.Count];
        for (int i = 0; i < sheets.Count; i++)
        {
            int index = i;
            WriteEntry(zip, $"xl/worksheets/sheet{i + 1}.xml", w => rowCounts[index] = Worksheet(w, sheets[index], index == 0));
        }

        WriteEntry(zip, "xl/workbook.xml", w => Workbook(w, sheets, rowCounts));
        WriteEntry(zip, "xl/_rels/workbook.xml.rels", fixedParts.WorkbookRels);
        WriteEntry(zip, "xl/styles.xml", fixedParts.Styles);
        WriteEntry(zip, "docProps/app.xml", fixedParts.App);
    }

    /// <summary>The parts that depend on nothing but the number of sheets, as the bytes <see cref="WriteEntry(ZipArchive,
    /// string, Action{XmlWriter})"/> would write: built once per sheet count (every ingested file writes a two-sheet
    /// report) instead of through an XmlWriter each time.</summary>
    private sealed record FixedParts(byte[] ContentTypes, byte[] PackageRels, byte[] WorkbookRels, byte[] Styles, byte[] App);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, FixedParts> FixedPartsBySheetCount = new();

    private static FixedParts FixedPartsFor(int sheetCount) => FixedPartsBySheetCount.GetOrAdd(sheetCount, static count => new FixedParts(
        Xml(w => ContentTypes(w, count)), Xml(PackageRels), Xml(w => WorkbookRels(w, count)), Xml(Styles), Xml(App)));

    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (XmlWriter writer = XmlWriter.Create(buffer, XmlSettings))
        {
            writer.WriteStartDocument(standalone: true);
            write(writer);
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteEntry(ZipArchive zip, string name, byte[] content)
    {
        using var stream = new PartStream(zip, name, EntryTime);
        stream.Write(content);
    }

    private static void WriteEntry(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        // XmlWriter hands the part stream a few kilobytes at a time already: no 64 KB buffer per part (a member report
        // has eight parts, and every file ingested writes one).
        using var stream = new PartStream(zip, name, EntryTime);
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
}
