using System.Text.RegularExpressions;
using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Import;

/// <summary>Table layout: one header row located by its labels (title rows may precede it), then one record per data row.</summary>
internal static partial class TableSheetReader
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
                if (exact == sheet.Fields.Count)
                {
                    break; // every field, each label exact: no row below can do better (the data rows need not be looked at)
                }
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
                if (cell is not null && IsExampleText(cell.Value))
                {
                    cell = null; // a cell of the template's example line left behind: never the member's value
                }

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

            if (own.Count == 0 || own.TrueForAll(c => IsLabelOrHint(c.Cell, c.Key, sheet)) || IsNoteOrTotal(row)
                || (records.Count == 0 && own.TrueForAll(c => IsLabelOrHint(c.Cell, c.Key, sheet) || IsFormatHint(c.Cell)))
                || (records.Count == 0 && IsExampleRow(row)))
            {
                continue; // blank in every known column, a repeated header / hint line, the template's example row, or a note or total under the table
            }

            records.Add(new RawRecord(excelRow, cells));
        }

        return new RawSheet(sheet, grid.Name, header.Row, columns, records);
    }

    /// <summary>Words a note or total line under (or inside) a table starts with: « Total : 3 établissements »,
    /// « * CV disponibles sur demande », « NB : … ».</summary>
    private static readonly string[] NoteStarts =
        ["total", "totaux", "sous total", "nb", "n b", "nota", "note", "notes", "remarque", "remarques", "commentaire", "commentaires", "source", "sources", "fait a"];

    /// <summary>
    /// A line that is no record: a single text cell starting with « * », « ( » or a note word, or a « Total » label
    /// followed by numbers only (counts, sums). A record with its name alone still is a record (REQUIRED on the rest).
    /// </summary>
    internal static bool IsNoteOrTotal(Cell[] row)
    {
        if (row.Length == 0 || row[0].Value is not string { Length: <= LabelMatcher.MaxLabelLength * 5 } first)
        {
            return false;
        }

        string trimmed = first.TrimStart();
        string text = LabelText.Normalize(trimmed.Length > LabelMatcher.MaxLabelLength ? trimmed[..LabelMatcher.MaxLabelLength] : trimmed);
        bool noteWord = Array.Exists(NoteStarts, w => text == w || text.StartsWith(w + " ", StringComparison.Ordinal));
        if (row.Length == 1)
        {
            return noteWord || trimmed.StartsWith('*') || trimmed.StartsWith('(');
        }

        return (text == "total" || text.StartsWith("total ", StringComparison.Ordinal) || text.StartsWith("sous total", StringComparison.Ordinal))
            && row.Skip(1).All(c => c.Value is double);
    }

    /// <summary>
    /// The greyed example row of template 2026.2, above the first record: its first cell starts with « Exemple »
    /// (« Exemple : Organisme de formation — siège », « Ex. : DUPONT »). Only before the first record, so that an
    /// organisation really named « Exemple… » further down is still read.
    /// </summary>
    internal static bool IsExampleRow(Cell[] row) => row.Length > 0 && IsExampleText(row[0].Value);

    /// <summary>A cell of the template's example line: text starting with « Exemple : » or « Ex. : ». Taken for blank
    /// wherever it is, so that what is left of the example after a member typed over part of it never becomes theirs
    /// (a required column left so gets REQUIRED, pointing at the cell).</summary>
    internal static bool IsExampleText(object? value)
    {
        if (value is not string first)
        {
            return false;
        }

        string text = first.TrimStart();
        return text.StartsWith("Exemple :", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Exemple:", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Ex. :", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("Ex.:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What a line of format hints under a header says: « 14 chiffres », « Texte », « Facultatif », « jj/mm/aaaa »…</summary>
    internal static bool IsFormatHint(Cell cell)
    {
        string? text = LabelMatcher.NormalizedText(cell);
        return !string.IsNullOrEmpty(text) && FormatHint().IsMatch(text);
    }

    [GeneratedRegex(@"^(?:[0-9]+ (?:chiffres?|caracteres?)\b.*|(?:obligatoire|facultatif|facultative|optionnel|optionnelle)\b.*|(?:texte|texte libre|nombre|nombre entier|entier|annee|date|jj mm aaaa|date jj mm aaaa|aaaa|oui non|liste|liste deroulante|(?:a )?choisir dans la liste|voir liste)$)", RegexOptions.CultureInvariant)]
    private static partial Regex FormatHint();

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
