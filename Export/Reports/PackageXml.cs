using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CleaNum.Core.Workbook;
using CleaNum.Packaging;

namespace CleaNum.Export.Reports;

/// <summary>
/// The vocabulary the annotated copy's patch shares: namespaces, relationship and content types, reading and writing XML
/// parts, relationship targets, content type entries, cell references and the lenient attribute readers.
/// </summary>
internal static class PackageXml
{
    internal static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    internal static readonly XNamespace RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    internal static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    internal static readonly XNamespace ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";

    internal const string OfficeDocumentType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    internal const string WorksheetType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    internal const string StylesType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
    internal const string CommentsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
    internal const string VmlDrawingType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
    internal const string VbaProjectType = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";

    internal const string PlainMainContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    internal const string WorksheetContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    internal const string StylesContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    internal const string CommentsContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
    internal const string VmlContentType = "application/vnd.openxmlformats-officedocument.vmlDrawing";

    /// <summary>Elements that follow <c>legacyDrawing</c> in a worksheet (ECMA-376 CT_Worksheet order).</summary>
    internal static readonly string[] AfterLegacyDrawing =
        ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

    /// <summary>Parts are read without DTDs or external resolution, up to 200 million characters.</summary>
    internal static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 200_000_000,
    };

    internal static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    /// <summary>An integer attribute, or null when absent or not an integer (writers disagree on formats).</summary>
    internal static int? Int(XAttribute? attribute) =>
        attribute is not null && int.TryParse(attribute.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;

    /// <summary>An xsd:boolean attribute: "1" or "true" (LibreOffice writes "true"/"false").</summary>
    internal static bool Flag(XAttribute? attribute) => attribute?.Value.Trim() is "1" or "true";

    /// <summary>A cell reference of one to three letters then digits ("B3", "b3"), as 1-based row and 0-based column.</summary>
    internal static bool TryParseReference(string reference, out (int Row, int Column) cell)
    {
        int letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            letters++;
        }

        cell = default;
        if (letters is 0 or > 3 || letters == reference.Length || reference.AsSpan(letters).ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(reference.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out int row))
        {
            return false;
        }

        cell = (row, Cell.ColumnOf(reference)!.Value);
        return true;
    }

    /// <summary>"B3" from a 1-based row and a 0-based column.</summary>
    internal static string CellName(int row, int column) => Cell.ColumnLetters(column) + row.ToString(CultureInfo.InvariantCulture);

    internal static XElement Relationship(string id, string type, string target) =>
        new(PackageRelationships + "Relationship", new XAttribute("Id", id), new XAttribute("Type", type), new XAttribute("Target", target));

    internal static string FreeRelationshipId(XDocument relationships, string stem)
    {
        var taken = relationships.Root!.Elements(PackageRelationships + "Relationship").Select(r => (string?)r.Attribute("Id")).ToHashSet(StringComparer.Ordinal);
        for (int i = 1; ; i++)
        {
            string id = stem + i.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(id))
            {
                return id;
            }
        }
    }

    internal static string? Target(XDocument relationships, string id, string sourcePart) =>
        relationships.Root?.Elements(PackageRelationships + "Relationship")
            .Where(r => (string?)r.Attribute("Id") == id && (string?)r.Attribute("TargetMode") != "External")
            .Select(r => PackageParts.ResolveTarget(sourcePart, (string?)r.Attribute("Target") ?? ""))
            .FirstOrDefault();

    internal static string? TargetOfType(XDocument relationships, string type, string sourcePart) =>
        relationships.Root?.Elements(PackageRelationships + "Relationship")
            .Where(r => (string?)r.Attribute("Type") == type && (string?)r.Attribute("TargetMode") != "External")
            .Select(r => PackageParts.ResolveTarget(sourcePart, (string?)r.Attribute("Target") ?? ""))
            .FirstOrDefault();

    internal static string RelativeTarget(string sourcePart, string targetPart)
    {
        string[] from = sourcePart.Split('/')[..^1];
        string[] to = targetPart.Split('/');
        int common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], StringComparison.OrdinalIgnoreCase))
        {
            common++;
        }

        return string.Join('/', Enumerable.Repeat("..", from.Length - common).Concat(to[common..]));
    }

    internal static string StylesFolder(string workbookPath)
    {
        int slash = workbookPath.LastIndexOf('/');
        return slash < 0 ? "" : workbookPath[..(slash + 1)];
    }

    internal static string RelationshipsPathOf(string part)
    {
        int slash = part.LastIndexOf('/');
        return slash < 0 ? "_rels/" + part + ".rels" : part[..(slash + 1)] + "_rels/" + part[(slash + 1)..] + ".rels";
    }

    /// <summary>The workbook part gets the plain workbook content type through its own override (some packages give it
    /// through the "xml" default, which then becomes plain XML); the dropped VBA project loses its override.</summary>
    internal static void MakePlainWorkbook(XDocument contentTypes, string workbookPath, string? droppedPart)
    {
        XElement root = contentTypes.Root!;
        foreach (XElement type in root.Elements(ContentTypesNs + "Override").ToList())
        {
            string part = ((string?)type.Attribute("PartName") ?? "").TrimStart('/');
            if (part.Equals(workbookPath, StringComparison.OrdinalIgnoreCase)
                || (droppedPart is not null && part.Equals(droppedPart, StringComparison.OrdinalIgnoreCase)))
            {
                type.Remove();
            }
        }

        foreach (XElement type in root.Elements(ContentTypesNs + "Default"))
        {
            string contentType = (string?)type.Attribute("ContentType") ?? "";
            if (contentType.EndsWith(".main+xml", StringComparison.OrdinalIgnoreCase)
                && contentType.StartsWith("application/vnd.ms-excel.", StringComparison.OrdinalIgnoreCase))
            {
                type.SetAttributeValue("ContentType", "application/xml");
            }
        }

        AddOverride(contentTypes, workbookPath, PlainMainContentType);
    }

    internal static void AddOverride(XDocument contentTypes, string part, string contentType) =>
        contentTypes.Root!.Add(new XElement(ContentTypesNs + "Override",
            new XAttribute("PartName", "/" + part), new XAttribute("ContentType", contentType)));

    internal static void RemoveOverride(XDocument contentTypes, string part) =>
        contentTypes.Root!.Elements(ContentTypesNs + "Override")
            .Where(o => string.Equals(((string?)o.Attribute("PartName") ?? "").TrimStart('/'), part, StringComparison.OrdinalIgnoreCase))
            .Remove();

    internal static void AddDefault(XDocument contentTypes, string extension, string contentType)
    {
        if (contentTypes.Root!.Elements(ContentTypesNs + "Default")
            .Any(d => string.Equals((string?)d.Attribute("Extension"), extension, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        contentTypes.Root.AddFirst(new XElement(ContentTypesNs + "Default",
            new XAttribute("Extension", extension), new XAttribute("ContentType", contentType)));
    }

    internal static byte[] Serialize(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, WriterSettings))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }
}
