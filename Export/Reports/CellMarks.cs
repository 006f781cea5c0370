using System.Xml.Linq;
using CleaNum.Core.Issues;
using static CleaNum.Export.Reports.PackageXml;

namespace CleaNum.Export.Reports;

/// <summary>The marked cells of a worksheet: filled with the severity's colour (the cell, and its row, created when
/// blank), and given back their own format when an annotated copy comes back.</summary>
internal static class CellMarks
{
    /// <summary>Fills each marked cell (creating the cell, and its row, when blank) and returns how many were marked.</summary>
    internal static int Mark(XElement worksheet, SortedDictionary<(int Row, int Column), List<Issue>> cells, MemberStyleBook styles)
    {
        XElement sheetData = worksheet.Element(Main + "sheetData") ?? throw new InvalidDataException("Worksheet without sheetData");
        var columnStyles = ColumnStyles(worksheet);

        // Rows by number; rows and cells without r are numbered as Excel does (one after the previous).
        var rows = new SortedDictionary<int, XElement>();
        int previousRow = 0;
        foreach (XElement row in sheetData.Elements(Main + "row"))
        {
            int number = Int(row.Attribute("r")) ?? previousRow + 1;
            row.SetAttributeValue("r", number);
            rows[number] = row;
            previousRow = number;
        }

        foreach (var group in cells.GroupBy(c => c.Key.Row))
        {
            if (!rows.TryGetValue(group.Key, out XElement? row))
            {
                row = new XElement(Main + "row", new XAttribute("r", group.Key));
                XElement? next = rows.Where(r => r.Key > group.Key).Select(r => r.Value).FirstOrDefault();
                if (next is null)
                {
                    sheetData.Add(row);
                }
                else
                {
                    next.AddBeforeSelf(row);
                }

                rows[group.Key] = row;
            }

            row.Attribute("spans")?.Remove();
            var byColumn = new SortedDictionary<int, XElement>();
            int previousColumn = -1;
            foreach (XElement c in row.Elements(Main + "c"))
            {
                int column = (string?)c.Attribute("r") is { } reference && TryParseReference(reference, out var parsed) ? parsed.Column : previousColumn + 1;
                c.SetAttributeValue("r", CellName(group.Key, column));
                byColumn[column] = c;
                previousColumn = column;
            }

            foreach (var cell in group)
            {
                int column = cell.Key.Column;
                if (!byColumn.TryGetValue(column, out XElement? c))
                {
                    c = new XElement(Main + "c", new XAttribute("r", CellName(group.Key, column)));
                    int baseStyle = Flag(row.Attribute("customFormat"))
                        ? Int(row.Attribute("s")) ?? 0
                        : columnStyles(column);
                    if (baseStyle != 0)
                    {
                        c.SetAttributeValue("s", baseStyle);
                    }

                    XElement? next = byColumn.Where(x => x.Key > column).Select(x => x.Value).FirstOrDefault();
                    if (next is null)
                    {
                        // Cells come before a row's extLst.
                        if (row.Element(Main + "extLst") is { } rowExtensions)
                        {
                            rowExtensions.AddBeforeSelf(c);
                        }
                        else
                        {
                            row.Add(c);
                        }
                    }
                    else
                    {
                        next.AddBeforeSelf(c);
                    }

                    byColumn[column] = c;
                }

                Severity worst = cell.Value.Max(i => i.Severity);
                if (worst is Severity.Error or Severity.Warning)
                {
                    c.SetAttributeValue("s", styles.WithFill(Int(c.Attribute("s")) ?? 0, worst));
                }
            }
        }

        return cells.Count;
    }

    /// <summary>Cells CleaNum had filled get back the format they had before (the same format without our fill).</summary>
    internal static void Unmark(XElement worksheet, List<(int Row, int Column)> cells, MemberStyleBook styles)
    {
        if (cells.Count == 0 || worksheet.Element(Main + "sheetData") is not { } sheetData)
        {
            return;
        }

        var wanted = cells.Select(c => CellName(c.Row, c.Column)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (XElement c in sheetData.Elements(Main + "row").Elements(Main + "c"))
        {
            if ((string?)c.Attribute("r") is { } reference && wanted.Contains(reference) && Int(c.Attribute("s")) is int style
                && styles.WithoutOurFill(style) is int original)
            {
                c.SetAttributeValue("s", original == 0 ? null : original);
            }
        }
    }

    /// <summary>The style index of a blank cell in a column (from <c>cols</c>), 0 when the column has none.</summary>
    private static Func<int, int> ColumnStyles(XElement worksheet)
    {
        var ranges = worksheet.Elements(Main + "cols").Elements(Main + "col")
            .Select(c => (Min: Int(c.Attribute("min")) ?? 0, Max: Int(c.Attribute("max")) ?? 0, Style: Int(c.Attribute("style")) ?? 0))
            .Where(c => c.Style != 0)
            .ToList();
        return column => ranges.FirstOrDefault(r => column + 1 >= r.Min && column + 1 <= r.Max).Style;
    }
}
