using System.Xml;

namespace CleaNum.Export.Spreadsheet;

/// <summary>The fixed style sheet: one cell format per <see cref="CellStyle"/>, in the enum's order.</summary>
internal static partial class SpreadsheetWriter
{
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
        w.WriteAttributeString("count", "19");
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
        Xf(w, numFmt: 1, font: 0, fill: 3, wrap: false, vertical: "top", horizontal: "left");
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
}
