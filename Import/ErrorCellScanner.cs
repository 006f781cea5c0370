using System.Globalization;
using System.IO.Compression;
using System.Xml;
using CleaNum.Core.Workbook;
using CleaNum.Packaging;

namespace CleaNum.Import;

/// <summary>
/// ExcelDataReader 3.6 returns null for a cell holding a formula error (<c>t="e"</c>: #N/A, #REF!, #VALUE!…), so a
/// failed lookup would look like an empty cell. For .xlsx/.xlsm this pass reads the worksheet parts once more and
/// returns the error text of each such cell, by sheet name, (1-based row, 0-based column). Rows and cells without an
/// <c>r</c> attribute (Google Sheets, some generators) are counted as ExcelDataReader counts them.
/// </summary>
internal static class ErrorCellScanner
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static Dictionary<string, Dictionary<(int Row, int Column), string>> Scan(string path)
    {
        using ZipArchive zip = ZipFile.OpenRead(path);
        return Scan(zip);
    }

    /// <summary>The same, on the package's bytes already in memory.</summary>
    public static Dictionary<string, Dictionary<(int Row, int Column), string>> Scan(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        return Scan(zip);
    }

    private static Dictionary<string, Dictionary<(int Row, int Column), string>> Scan(ZipArchive zip)
    {
        var result = new Dictionary<string, Dictionary<(int, int), string>>(StringComparer.Ordinal);
        if (!zip.Entries.Any(e => MayBeWorksheet(e.FullName) && MayHoldErrors(e)))
        {
            // Most workbooks hold no formula error: then the workbook part and its relationships need not be parsed.
            return result;
        }

        ZipArchiveEntry? workbook = zip.GetEntry("xl/workbook.xml");
        ZipArchiveEntry? rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        if (workbook is null || rels is null)
        {
            return result;
        }

        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        using (XmlReader reader = Open(rels))
        {
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "Relationship" } && reader.GetAttribute("Id") is { } id
                    && reader.GetAttribute("Target") is { } target)
                {
                    targets[id] = PackageParts.ResolveTarget("xl/workbook.xml", target);
                }
            }
        }

        var sheets = new List<(string Name, string Part)>();
        using (XmlReader reader = Open(workbook))
        {
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "sheet" } && reader.GetAttribute("name") is { } name
                    && reader.GetAttribute("id", RelationshipsNamespace) is { } id && targets.TryGetValue(id, out string? part))
                {
                    sheets.Add((name, part));
                }
            }
        }

        foreach ((string name, string part) in sheets)
        {
            if (zip.GetEntry(part) is { } entry && MayHoldErrors(entry) && ScanSheet(entry) is { Count: > 0 } errors)
            {
                result[name] = errors;
            }
        }

        return result;
    }

    /// <summary>Any XML part but those that are never a worksheet (a sheet's part may be named anything: only the
    /// package's fixed parts are left out of the quick search).</summary>
    private static bool MayBeWorksheet(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        && !name.StartsWith("docProps/", StringComparison.OrdinalIgnoreCase)
        && !name.StartsWith("xl/theme/", StringComparison.OrdinalIgnoreCase)
        && !name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase)
        && !name.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)
        && !name.Equals("xl/styles.xml", StringComparison.OrdinalIgnoreCase)
        && !name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase);

    private static readonly byte[][] ErrorTypeAttributes = ["t=\"e\""u8.ToArray(), "t='e'"u8.ToArray()];

    /// <summary>A byte search for an error cell's type attribute: most sheets have none, and finding that out costs
    /// a fraction of parsing the XML.</summary>
    private static bool MayHoldErrors(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        return PackageParts.Contains(stream, ErrorTypeAttributes);
    }

    private static Dictionary<(int, int), string> ScanSheet(ZipArchiveEntry entry)
    {
        var errors = new Dictionary<(int, int), string>();
        using XmlReader reader = Open(entry);
        int row = 0;
        int column = -1;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "row")
            {
                row = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out int r) ? r : row + 1;
                column = -1;
            }
            else if (reader.LocalName == "c")
            {
                column = reader.GetAttribute("r") is { } reference && Cell.ColumnOf(reference) is { } c ? c : column + 1;
                if (reader.GetAttribute("t") == "e" && !reader.IsEmptyElement)
                {
                    using XmlReader cell = reader.ReadSubtree();
                    while (cell.Read())
                    {
                        if (cell is { NodeType: XmlNodeType.Element, LocalName: "v" })
                        {
                            string text = cell.ReadElementContentAsString().Trim();
                            if (text.Length is > 0 and <= 16)
                            {
                                errors[(row, column)] = text;
                            }

                            break;
                        }
                    }
                }
            }
        }

        return errors;
    }

    private static XmlReader Open(ZipArchiveEntry entry) =>
        XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true });
}
