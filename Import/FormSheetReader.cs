using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Import;

/// <summary>
/// Form layout: each field's label anywhere in the sheet; its value is the first non-blank cell to the right on the same
/// row, or the cell below when the label belongs to a row of several labels (labels above values).
/// </summary>
internal static class FormSheetReader
{
    /// <summary>Labels are looked for in the first rows only (a form is short).</summary>
    public const int LabelSearchRows = 1_000;

    public static (Dictionary<string, Cell> Labels, int ExactCount) FindLabels(SheetGrid grid, SheetDefinition sheet) =>
        LabelMatcher.Assign(grid.Rows.Take(LabelSearchRows).SelectMany(r => r), sheet, valuesRightOfLabels: true);

    public static RawSheet Read(SheetGrid grid, SheetDefinition sheet, List<Issue> issues)
    {
        (Dictionary<string, Cell> labels, _) = FindLabels(grid, sheet);
        foreach (FieldDefinition field in sheet.Fields.Where(f => f.Required && !labels.ContainsKey(f.Key)))
        {
            issues.Add(ImportMessages.ColumnMissing(sheet, field, grid.Name, null));
        }

        var labelCells = labels.Values.Select(c => (c.Row, c.Column)).ToHashSet();
        var labelsPerRow = labels.Values.GroupBy(c => c.Row).ToDictionary(g => g.Key, g => g.Count());
        int? valueOffset = ValueColumnOffset(grid, labels.Values, labelCells);
        var cells = new Dictionary<string, Cell>(labels.Count);
        foreach ((string key, Cell label) in labels)
        {
            if (valueOffset is int offset && labelsPerRow[label.Row] == 1)
            {
                // The form has a value column: an empty answer stays empty, never the help text further right.
                int column = label.Column + offset;
                Cell? value = grid.Get(label.Row, column);
                cells[key] = value is not null && !labelCells.Contains((value.Row, value.Column))
                    ? value
                    : new Cell(label.Row, column, null);
                continue;
            }

            cells[key] = ValueRightOf(grid, label, labelCells)
                ?? (labelsPerRow[label.Row] > 1 ? ValueBelow(grid, label, labelCells) : null)
                ?? new Cell(label.Row, label.Column + 1, null);
        }

        int firstRow = labels.Count == 0 ? 0 : labels.Values.Min(c => c.Row);
        var columns = labels.ToDictionary(p => p.Key, p => p.Value.Column);
        IReadOnlyList<RawRecord> records = labels.Count == 0 ? [] : [new RawRecord(firstRow, cells)];
        return new RawSheet(sheet, grid.Name, firstRow, columns, records);
    }

    /// <summary>Headers that name the answer column of a form (the template writes « Votre réponse »).</summary>
    private static readonly HashSet<string> ValueHeaders =
        ["votre reponse", "reponse", "reponses", "vos reponses", "valeur", "valeurs", "saisie", "a renseigner", "a completer"];

    /// <summary>
    /// Where the answers are, as an offset from the label column: the column headed « Votre réponse » (or « Valeur »…)
    /// when there is one, else the offset most labels have their first non-blank cell at (ties: the nearest). Null when
    /// no label has anything to its right (then each label takes the first non-blank cell to its right).
    /// </summary>
    private static int? ValueColumnOffset(SheetGrid grid, IEnumerable<Cell> labels, HashSet<(int, int)> labelCells)
    {
        List<Cell> found = [.. labels];
        if (found.Count == 0)
        {
            return null;
        }

        int labelColumn = found.GroupBy(c => c.Column).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        int firstLabelRow = found.Min(c => c.Row);
        foreach (Cell[] row in grid.Rows)
        {
            if (row.Length == 0 || row[0].Row > firstLabelRow)
            {
                break;
            }

            Cell? header = row.FirstOrDefault(c => c.Column > labelColumn && c.Value is string text && ValueHeaders.Contains(LabelText.Normalize(text)));
            if (header is not null)
            {
                return header.Column - labelColumn;
            }
        }

        var offsets = found
            .Where(c => c.Column == labelColumn)
            .Select(c => ValueRightOf(grid, c, labelCells) is { } value ? value.Column - c.Column : (int?)null)
            .OfType<int>()
            .ToList();
        return offsets.Count == 0
            ? null
            : offsets.GroupBy(o => o).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
    }

    private static Cell? ValueRightOf(SheetGrid grid, Cell label, HashSet<(int, int)> labelCells)
    {
        int row = label.Row;
        foreach (Cell cell in grid.GetRow(row) ?? [])
        {
            if (cell.Column <= label.Column)
            {
                continue;
            }

            return labelCells.Contains((cell.Row, cell.Column)) ? null : cell;
        }

        return null;
    }

    private static Cell? ValueBelow(SheetGrid grid, Cell label, HashSet<(int, int)> labelCells)
    {
        Cell? below = grid.Get(label.Row + 1, label.Column);
        return below is not null && !labelCells.Contains((below.Row, below.Column)) ? below : null;
    }
}
