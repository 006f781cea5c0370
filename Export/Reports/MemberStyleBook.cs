using System.Xml.Linq;
using CleaNum.Core.Issues;
using static CleaNum.Export.Reports.PackageXml;

namespace CleaNum.Export.Reports;

/// <summary>The member's styles part, to which the annotated copy appends fonts, fills and cell formats (never changing
/// one in place).</summary>
internal sealed class MemberStyleBook
{
    public const string ErrorArgb = "FFFFC7CE";
    public const string WarningArgb = "FFFFEB9C";

    private readonly XElement _fonts;
    private readonly XElement _fills;
    private readonly XElement _cellXfs;
    private readonly List<XElement> _formats;
    private readonly Dictionary<(int Style, Severity Severity), int> _filled = [];
    private readonly Dictionary<string, int> _fillIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(bool Bold, int? Size), int> _fontIds = [];

    private MemberStyleBook(XElement fonts, XElement fills, XElement cellXfs)
    {
        _fonts = fonts;
        _fills = fills;
        _cellXfs = cellXfs;
        _formats = [.. cellXfs.Elements(Main + "xf")];
    }

    /// <summary>Opens the style sheet, adding the sections a minimal writer left out (with Excel's defaults) so
    /// that formats can be appended; existing sections are never changed.</summary>
    public static MemberStyleBook Open(XElement styleSheet)
    {
        XElement fonts = Section(styleSheet, "fonts", "font",
            () => new XElement(Main + "font", new XElement(Main + "sz", new XAttribute("val", 11)), new XElement(Main + "name", new XAttribute("val", "Calibri"))));
        XElement fills = Section(styleSheet, "fills", "fill",
            () => new XElement(Main + "fill", new XElement(Main + "patternFill", new XAttribute("patternType", "none"))),
            () => new XElement(Main + "fill", new XElement(Main + "patternFill", new XAttribute("patternType", "gray125"))));
        Section(styleSheet, "borders", "border",
            () => new XElement(Main + "border", new XElement(Main + "left"), new XElement(Main + "right"), new XElement(Main + "top"),
                new XElement(Main + "bottom"), new XElement(Main + "diagonal")));
        Section(styleSheet, "cellStyleXfs", "xf",
            () => new XElement(Main + "xf", new XAttribute("numFmtId", 0), new XAttribute("fontId", 0), new XAttribute("fillId", 0), new XAttribute("borderId", 0)));
        XElement cellXfs = Section(styleSheet, "cellXfs", "xf",
            () => new XElement(Main + "xf", new XAttribute("numFmtId", 0), new XAttribute("fontId", 0), new XAttribute("fillId", 0),
                new XAttribute("borderId", 0), new XAttribute("xfId", 0)));
        return new MemberStyleBook(fonts, fills, cellXfs);
    }

    /// <summary>Style sheet sections in ECMA-376 order (CT_Stylesheet).</summary>
    private static readonly string[] SectionOrder =
        ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

    /// <summary>The section, created in its place when missing, with the default items when it has none.</summary>
    private static XElement Section(XElement styleSheet, string name, string item, params Func<XElement>[] defaults)
    {
        XElement? section = styleSheet.Element(Main + name);
        if (section is null)
        {
            section = new XElement(Main + name);
            int rank = Array.IndexOf(SectionOrder, name);
            XElement? follower = styleSheet.Elements().FirstOrDefault(e => e.Name.Namespace == Main && Array.IndexOf(SectionOrder, e.Name.LocalName) > rank);
            if (follower is null)
            {
                styleSheet.Add(section);
            }
            else
            {
                follower.AddBeforeSelf(section);
            }
        }

        if (!section.Elements(Main + item).Any())
        {
            foreach (Func<XElement> create in defaults)
            {
                section.Add(create());
            }
        }

        section.SetAttributeValue("count", section.Elements(Main + item).Count());
        return section;
    }

    /// <summary>A cell format like <paramref name="style"/> but filled with the severity's colour.</summary>
    public int WithFill(int style, Severity severity)
    {
        if (style < 0 || style >= _formats.Count)
        {
            style = 0;
        }

        if (_filled.TryGetValue((style, severity), out int index))
        {
            return index;
        }

        var format = new XElement(_formats[style]);
        format.SetAttributeValue("fillId", Fill(severity == Severity.Error ? ErrorArgb : WarningArgb));
        format.SetAttributeValue("applyFill", 1);
        return _filled[(style, severity)] = Append(format);
    }

    /// <summary>For a format carrying CleaNum's fill, the member's format it was cloned from (the same format
    /// without that fill); null when the format is not filled by us.</summary>
    public int? WithoutOurFill(int style)
    {
        if (style < 0 || style >= _formats.Count || !IsOurFill(Int(_formats[style].Attribute("fillId")) ?? 0))
        {
            return null;
        }

        XElement filled = Normalized(_formats[style]);
        for (int i = 0; i < _formats.Count; i++)
        {
            if (i != style && !IsOurFill(Int(_formats[i].Attribute("fillId")) ?? 0) && XNode.DeepEquals(Normalized(_formats[i]), filled))
            {
                return i;
            }
        }

        var plain = new XElement(_formats[style]);
        plain.SetAttributeValue("fillId", 0);
        plain.Attribute("applyFill")?.Remove();
        return Append(plain);
    }

    private bool IsOurFill(int fillId)
    {
        XElement? fill = _fills.Elements(Main + "fill").ElementAtOrDefault(fillId);
        XElement? pattern = fill?.Element(Main + "patternFill");
        string? rgb = (string?)pattern?.Element(Main + "fgColor")?.Attribute("rgb");
        return (string?)pattern?.Attribute("patternType") == "solid"
            && (string.Equals(rgb, ErrorArgb, StringComparison.OrdinalIgnoreCase) || string.Equals(rgb, WarningArgb, StringComparison.OrdinalIgnoreCase));
    }

    private static XElement Normalized(XElement format)
    {
        var copy = new XElement(format);
        copy.Attribute("fillId")?.Remove();
        copy.Attribute("applyFill")?.Remove();
        return copy;
    }

    /// <summary>A new cell format on the workbook's default font (bold and size as asked).</summary>
    public int Add(bool bold, int? size, string? fill, bool wrap)
    {
        var format = new XElement(Main + "xf",
            new XAttribute("numFmtId", 0),
            new XAttribute("fontId", Font(bold, size)),
            new XAttribute("fillId", fill is null ? 0 : Fill(fill)),
            new XAttribute("borderId", 0),
            new XAttribute("xfId", 0));
        if (bold || size is not null)
        {
            format.SetAttributeValue("applyFont", 1);
        }

        if (fill is not null)
        {
            format.SetAttributeValue("applyFill", 1);
        }

        if (wrap)
        {
            format.SetAttributeValue("applyAlignment", 1);
            format.Add(new XElement(Main + "alignment", new XAttribute("vertical", "top"), new XAttribute("wrapText", 1)));
        }

        return Append(format);
    }

    private int Append(XElement format)
    {
        _cellXfs.Add(format);
        _formats.Add(format);
        _cellXfs.SetAttributeValue("count", _formats.Count);
        return _formats.Count - 1;
    }

    private int Fill(string argb)
    {
        if (_fillIds.TryGetValue(argb, out int id))
        {
            return id;
        }

        _fills.Add(new XElement(Main + "fill",
            new XElement(Main + "patternFill", new XAttribute("patternType", "solid"),
                new XElement(Main + "fgColor", new XAttribute("rgb", argb)),
                new XElement(Main + "bgColor", new XAttribute("indexed", 64)))));
        int count = _fills.Elements(Main + "fill").Count();
        _fills.SetAttributeValue("count", count);
        return _fillIds[argb] = count - 1;
    }

    private int Font(bool bold, int? size)
    {
        if (!bold && size is null)
        {
            return 0;
        }

        if (_fontIds.TryGetValue((bold, size), out int id))
        {
            return id;
        }

        // The default font with bold and size changed; children keep CT_Font's order (b first, sz after the effects).
        var font = new XElement(_fonts.Elements(Main + "font").First());
        font.Elements(Main + "b").Remove();
        if (bold)
        {
            font.AddFirst(new XElement(Main + "b"));
        }

        if (size is int points)
        {
            if (font.Element(Main + "sz") is { } sz)
            {
                sz.SetAttributeValue("val", points);
            }
            else
            {
                font.Add(new XElement(Main + "sz", new XAttribute("val", points)));
            }
        }

        _fonts.Add(font);
        int count = _fonts.Elements(Main + "font").Count();
        _fonts.SetAttributeValue("count", count);
        return _fontIds[(bold, size)] = count - 1;
    }
}
