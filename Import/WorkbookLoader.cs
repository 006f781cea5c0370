using CleaNum.Core.Workbook;
using ExcelDataReader;

namespace CleaNum.Import;

/// <summary>Reads every worksheet of a file into <see cref="SheetGrid"/>s, enforcing the row, cell and text limits as it goes.</summary>
internal static class WorkbookLoader
{
    /// <summary>Columns beyond this one are ignored (the templates use fewer than 20; BIFF8 stops at 256).</summary>
    public const int MaxColumns = 256;

    /// <summary>Excel's last row: a damaged file cannot make the reader walk further.</summary>
    private const int MaxExcelRow = 1_048_576;

    /// <param name="content">The file's bytes when <see cref="ReadIfSmall"/> read them already (the inspection used
    /// them too): the file is not opened again, and the formula-error scan reads the same bytes.</param>
    /// <param name="skipCells">Sheets whose cells are not read (they are listed, empty): the template's help and lists
    /// sheets, which hold no member data.</param>
    public static List<SheetGrid> Load(string path, ImportOptions options, CancellationToken cancellationToken, byte[]? content = null,
        Func<string, bool>? skipCells = null)
    {
        content ??= ReadIfSmall(path);
        using Stream stream = content is null ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024) : new MemoryStream(content, writable: false);
        using IExcelDataReader reader = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = false });

        Dictionary<string, Dictionary<(int Row, int Column), string>> errorCells = content is null
            ? (IsOpenXml(path) ? ErrorCellScanner.Scan(path) : [])
            : (IsOpenXml(content) ? ErrorCellScanner.Scan(content) : []);
        var grids = new List<SheetGrid>();
        long characters = 0;
        long cellCount = 0;
        int index = 0;
        do
        {
            var grid = new SheetGrid(reader.Name ?? $"Feuille {index + 1}", index)
            {
                Hidden = reader.VisibleState is { } state && !state.Equals("visible", StringComparison.OrdinalIgnoreCase),
            };
            if (skipCells?.Invoke(grid.Name) == true)
            {
                grids.Add(grid);
                index++;
                continue;
            }

            Dictionary<(int Row, int Column), string>? errors = errorCells.GetValueOrDefault(grid.Name);
            int excelRow = 0;
            int nonBlankRows = 0;
            var cells = new List<Cell>();
            while (reader.Read())
            {
                excelRow++;
                if (excelRow > MaxExcelRow)
                {
                    break;
                }

                if ((excelRow & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                int fieldCount = Math.Min(reader.FieldCount, MaxColumns);
                for (int column = 0; column < fieldCount; column++)
                {
                    object? value = reader.GetValue(column);
                    if (value is null)
                    {
                        if (errors is not null && errors.TryGetValue((excelRow, column), out string? error))
                        {
                            cells.Add(new Cell(excelRow, column, null) { Error = error });
                        }

                        continue;
                    }

                    if (value is string text)
                    {
                        characters += text.Length;
                        if (characters > options.MaxTextCharacters)
                        {
                            throw ImportMessages.ContentTooLarge($"plus de {options.MaxTextCharacters / 1_000_000} millions de caractères de texte");
                        }

                        if (UnstorableText.Contains(text))
                        {
                            // rules.md CELL_TEXT_INVALID: read without them, a warning, never a refusal
                            text = UnstorableText.Remove(text);
                            value = text;
                            grid.MarkTextInvalid(excelRow, column);
                        }

                        if (Cell.IsBlankText(text))
                        {
                            continue;
                        }
                    }

                    cells.Add(new Cell(excelRow, column, value) { NumberFormat = reader.GetNumberFormatString(column) });
                }

                if (cells.Count == 0)
                {
                    continue;
                }

                if (++nonBlankRows > options.MaxRowsPerSheet)
                {
                    throw ImportMessages.TooManyRows(grid.Name, options.MaxRowsPerSheet);
                }

                cellCount += cells.Count;
                if (cellCount > options.MaxCells)
                {
                    throw ImportMessages.ContentTooLarge($"plus de {options.MaxCells} cellules remplies");
                }

                grid.AddRow([.. cells]);
                cells.Clear();
            }

            if (reader.MergeCells is { Length: > 0 } merged)
            {
                grid.SetMergedRanges(merged.Select(m => (m.FromRow, m.FromColumn, m.ToRow, m.ToColumn)));
            }

            grids.Add(grid);
            index++;
        }
        while (reader.NextResult());

        return grids;
    }

    /// <summary>A member's workbook is a few dozen kilobytes: read at once into memory (one read, no buffer larger than the
    /// file), where the zip reader's seeks cost nothing, and shared by the inspection, the formula-error scan and
    /// ExcelDataReader. A large file (null) is streamed.</summary>
    public static byte[]? ReadIfSmall(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        long length = file.Length;
        if (length > InMemoryBytes)
        {
            return null;
        }

        byte[] content = new byte[length];
        file.ReadExactly(content);
        return content;
    }

    private const long InMemoryBytes = 1024 * 1024;

    /// <summary>A zip container (xlsx/xlsm): the only kind whose formula errors <see cref="ErrorCellScanner"/> reads.</summary>
    private static bool IsOpenXml(byte[] content) => content is [(byte)'P', (byte)'K', ..];

    private static bool IsOpenXml(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16);
        Span<byte> head = stackalloc byte[2];
        return stream.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && head[0] == (byte)'P' && head[1] == (byte)'K';
    }
}
