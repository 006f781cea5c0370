using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CleaNum.Export.Reports;

/// <summary>The legacy VML drawing Excel needs to show comments: one hidden note shape per comment.</summary>
/// <remarks>
/// Byte-level on purpose, the one place the annotated copy does not go through an XML or package API: existing drawings
/// are often not well-formed XML (Excel writes unclosed <c>&lt;br&gt;</c> elements, LibreOffice repeats shape ids), so
/// neither XDocument nor the Open XML SDK (whose <c>VmlDrawingPart</c> is only a stream) can load them. Shapes are
/// inserted as text before the closing tag and removed by pattern; the rest of the bytes stay untouched.
/// </remarks>
internal static partial class VmlNotes
{
    [GeneratedRegex(@"_x0000_s(\d{1,9})\b")]
    private static partial Regex ShapeIds();

    [GeneratedRegex(@"<v:shape\b.*?</v:shape>", RegexOptions.Singleline)]
    private static partial Regex VmlShapes();

    [GeneratedRegex(@"<x:Row>\s*(\d{1,7})\s*</x:Row>")]
    private static partial Regex VmlRow();

    [GeneratedRegex(@"<x:Column>\s*(\d{1,5})\s*</x:Column>")]
    private static partial Regex VmlColumn();

    /// <summary>Declared on each inserted element: some writers (ClosedXML) declare the prefixes element by element
    /// rather than on the root.</summary>
    private const string Namespaces =
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\"";

    private const string ShapeType =
        "<v:shapetype " + Namespaces + " id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">"
        + "<v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>";

    public static byte[] Create(int block, List<(int Row, int Column, int Lines)> shapes)
    {
        var vml = new StringBuilder();
        vml.Append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" ")
            .Append("xmlns:x=\"urn:schemas-microsoft-com:office:excel\">")
            .Append(CultureInfo.InvariantCulture, $"<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{block}\"/></o:shapelayout>")
            .Append(ShapeType);
        AppendShapes(vml, block * 1024, shapes);
        vml.Append("</xml>");
        return Encoding.UTF8.GetBytes(vml.ToString());
    }

    /// <summary>Removes the note shapes anchored on the given cells (x:Row and x:Column are 0-based).</summary>
    public static byte[] RemoveNotes(byte[] existing, List<(int Row, int Column)> cells)
    {
        if (cells.Count == 0)
        {
            return existing;
        }

        var targets = cells.Select(c => (c.Row - 1, c.Column)).ToHashSet();
        string text = Encoding.Latin1.GetString(existing);
        string kept = VmlShapes().Replace(text, match =>
        {
            string shape = match.Value;
            Match row = VmlRow().Match(shape);
            Match column = VmlColumn().Match(shape);
            return shape.Contains("\"Note\"", StringComparison.Ordinal) && row.Success && column.Success
                && targets.Contains((int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(column.Groups[1].Value, CultureInfo.InvariantCulture)))
                ? ""
                : shape;
        });
        return Encoding.Latin1.GetBytes(kept);
    }

    public static byte[] AddShapes(byte[] existing, List<(int Row, int Column, int Lines)> shapes)
    {
        if (shapes.Count == 0)
        {
            return existing;
        }

        string text = Encoding.Latin1.GetString(existing);
        int end = text.LastIndexOf("</xml>", StringComparison.OrdinalIgnoreCase);
        if (end < 0)
        {
            throw new InvalidDataException("VML drawing without </xml>");
        }

        int lastId = ShapeIds().Matches(text)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(1024)
            .Max();
        var insert = new StringBuilder();
        if (!text.Contains("id=\"_x0000_t202\"", StringComparison.Ordinal))
        {
            insert.Append(ShapeType);
        }

        AppendShapes(insert, lastId, shapes);
        byte[] added = Encoding.ASCII.GetBytes(insert.ToString());
        return [.. existing.AsSpan(0, end), .. added, .. existing.AsSpan(end)];
    }

    private static void AppendShapes(StringBuilder vml, int lastId, List<(int Row, int Column, int Lines)> shapes)
    {
        foreach ((int row, int column, int lines) in shapes)
        {
            int top = Math.Max(0, row - 2);
            vml.Append(CultureInfo.InvariantCulture, $"<v:shape {Namespaces} id=\"_x0000_s{++lastId}\" type=\"#_x0000_t202\" ")
                .Append(CultureInfo.InvariantCulture,
                    $"style=\"position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:{lines * 12}pt;z-index:1;visibility:hidden\" ")
                .Append("fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>")
                .Append("<v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>")
                .Append("<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>")
                .Append("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>")
                .Append(CultureInfo.InvariantCulture, $"<x:Anchor>{column + 1}, 15, {top}, 2, {column + 5}, 15, {top + lines}, 2</x:Anchor>")
                .Append(CultureInfo.InvariantCulture,
                    $"<x:AutoFill>False</x:AutoFill><x:Row>{row - 1}</x:Row><x:Column>{column}</x:Column></x:ClientData></v:shape>");
        }
    }
}
