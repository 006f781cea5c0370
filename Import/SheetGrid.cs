using CleaNum.Core.Workbook;

namespace CleaNum.Import;

/// <summary>
/// The non-blank cells of one worksheet, as ExcelDataReader returned them (rows in ascending order, cells of a row in
/// ascending column order), plus the merged ranges. Blank rows are not stored, so blank rows between or after the data
/// cost nothing afterwards.
/// </summary>
internal sealed class SheetGrid(string name, int index)
{
    private const int MaxMergedAreaPropagated = 10_000;
    private const int MaxMergedCellsPropagated = 1_000_000;

    private readonly List<Cell[]> _rows = [];
    private readonly Dictionary<int, Cell[]> _byRow = [];
    private Dictionary<(int Row, int Column), (int Row, int Column)>? _mergedOrigins;

    public string Name { get; } = name;

    public int Index { get; } = index;

    /// <summary>The sheet is hidden (or very hidden) in the workbook: a visible sheet of the same name wins.</summary>
    public bool Hidden { get; init; }

    /// <summary>Non-blank rows in ascending row order; every array is non-empty and sorted by column.</summary>
    public IReadOnlyList<Cell[]> Rows => _rows;

    /// <summary>(1-based row, 0-based column) of the cells whose text lost characters no spreadsheet can store.</summary>
    public IReadOnlyList<(int Row, int Column)> InvalidTextCells => _invalidText;

    private readonly List<(int Row, int Column)> _invalidText = [];

    public void MarkTextInvalid(int row, int column) => _invalidText.Add((row, column));

    public void AddRow(Cell[] cells)
    {
        _rows.Add(cells);
        _byRow[cells[0].Row] = cells;
    }

    /// <summary>Merged ranges as ExcelDataReader gives them (0-based, inclusive). Areas too large to matter are ignored.</summary>
    public void SetMergedRanges(IEnumerable<(int FromRow, int FromColumn, int ToRow, int ToColumn)> ranges)
    {
        int budget = MaxMergedCellsPropagated;
        foreach ((int fromRow, int fromColumn, int toRow, int toColumn) in ranges)
        {
            long area = (long)(toRow - fromRow + 1) * (toColumn - fromColumn + 1);
            if (area <= 1 || area > MaxMergedAreaPropagated || area > budget || fromRow < 0 || fromColumn < 0)
            {
                continue;
            }

            budget -= (int)area;
            _mergedOrigins ??= [];
            for (int r = fromRow; r <= toRow; r++)
            {
                for (int c = fromColumn; c <= toColumn; c++)
                {
                    if (r != fromRow || c != fromColumn)
                    {
                        _mergedOrigins[(r + 1, c)] = (fromRow + 1, fromColumn);
                    }
                }
            }
        }
    }

    /// <summary>The non-blank cells of a 1-based row, or null when the row is blank.</summary>
    public Cell[]? GetRow(int row) => _byRow.GetValueOrDefault(row);

    /// <summary>The cell at (1-based row, 0-based column), or null when blank.</summary>
    public Cell? Get(int row, int column)
    {
        if (!_byRow.TryGetValue(row, out Cell[]? cells))
        {
            return null;
        }

        int low = 0;
        int high = cells.Length - 1;
        while (low <= high)
        {
            int mid = (low + high) >>> 1;
            int c = cells[mid].Column;
            if (c == column)
            {
                return cells[mid];
            }

            if (c < column)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return null;
    }

    /// <summary>The top-left cell of the merged range covering (row, column), when there is one and it is not blank.</summary>
    public Cell? GetMergedOrigin(int row, int column) =>
        _mergedOrigins is not null && _mergedOrigins.TryGetValue((row, column), out var origin) ? Get(origin.Row, origin.Column) : null;
}
