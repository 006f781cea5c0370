using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Import;

/// <summary>Table layout: one header row located by its labels (title rows may precede it), then one record per data row.</summary>
internal static class TableSheetReader
{
    /// <summary>The header row is looked for among the first non-blank rows of the sheet.</summary>
    public const int HeaderSearchRows = 30;

    public readonly record struct Header(int Row, Dictionary<string, Cell> Labels, int ExactCount)
    {
        public int Count => Labels.Count;
    }

    /// <summary>The row matching the most labels (ties: more exact matches, then the upper row); Row 0 when none matches.</summary>
    public static Header FindHeader(SheetGrid grid, SheetDefinition sheet)
    {
        var best = new Header(0, [], 0);
        foreach (Cell[] row in grid.Rows.Take(HeaderSearchRows))
        {
            (Dictionary<string, Cell> labels, int exact) = LabelMatcher.Assign(row, sheet, valuesRightOfLabels: false);
            if (labels.Count > best.Count || (labels.Count == best.Count && labels.Count > 0 && exact > best.ExactCount))
            {
                best = new Header(row[0].Row, labels, exact);
            }
        }

        return best;
    }

    public static RawSheet Read(SheetGrid grid, SheetDefinition sheet, Header header, List<Issue> issues)
    {
        foreach (FieldDefinition field in sheet.Fields.Where(f => f.Required && !header.Labels.ContainsKey(f.Key)))
        {
            issues.Add(ImportMessages.ColumnMissing(sheet, field, grid.Name, header.Row == 0 ? null : header.Row));
        }

        var columns = header.Labels.ToDictionary(p => p.Key, p => p.Value.Column);
        if (header.Row == 0)
        {
            return new RawSheet(sheet, grid.Name, 0, columns, []);
        }

        var records = new List<RawRecord>();
        foreach (Cell[] row in grid.Rows)
        {
            int excelRow = row[0].Row;
            if (excelRow <= header.Row)
            {
                continue;
            }

            var cells = new Dictionary<string, Cell>(columns.Count);
            var own = new List<(string Key, Cell Cell)>(columns.Count);
            foreach ((string key, int column) in columns)
            {
                Cell? cell = grid.Get(excelRow, column);
                if (cell is not null)
                {
                    own.Add((key, cell));
                }
                else if (grid.GetMergedOrigin(excelRow, column) is { } origin && origin.Row > header.Row)
                {
                    cell = new Cell(excelRow, column, origin.Value) { NumberFormat = origin.NumberFormat };
                }

                cells[key] = cell ?? new Cell(excelRow, column, null);
            }

            if (own.Count == 0 || own.TrueForAll(c => IsLabelOrHint(c.Cell, c.Key, sheet)))
            {
                continue; // blank in every known column, or a repeated header / hint line
            }

            records.Add(new RawRecord(excelRow, cells));
        }

        return new RawSheet(sheet, grid.Name, header.Row, columns, records);
    }

    private static bool IsLabelOrHint(Cell cell, string key, SheetDefinition sheet)
    {
        string? text = LabelMatcher.NormalizedText(cell);
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        return LabelMatcher.IsLabelOf(text, key, sheet)
            || (LabelMatcher.For(sheet).Hints.TryGetValue(key, out string? hint) && text == hint);
    }
}
