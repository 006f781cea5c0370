using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CleaNum.Core.Workbook;

namespace CleaNum.Import;

/// <summary>
/// Matches cell texts against the labels of a <see cref="SheetDefinition"/> with <see cref="LabelText.Normalize"/>: an exact
/// match, or a cell that starts with a label followed by more words ("SIRET 14 chiffres sans espaces"). Exact matches win,
/// then longer labels; each field and each cell is used once.
/// </summary>
internal static partial class LabelMatcher
{
    /// <summary>Longer texts are values, not labels (and normalising a 1 MB string would be wasted time).</summary>
    public const int MaxLabelLength = 200;

    private static readonly ConditionalWeakTable<SheetDefinition, NormalizedSheet> Cache = [];

    public static NormalizedSheet For(SheetDefinition sheet) => Cache.GetValue(sheet, s => new NormalizedSheet(s));

    /// <summary>The cell's text normalised for matching, outline numbering removed (« 1.2 - SIREN », « 3) Ville » → « siren »,
    /// « ville »); null when the cell holds no text or a text too long to be a label.</summary>
    public static string? NormalizedText(Cell cell)
    {
        if (cell.Value is not string { Length: > 0 and <= MaxLabelLength } text)
        {
            return null;
        }

        // Locating sheets and headers asks for the same texts many times (every candidate sheet, every candidate
        // header row): each distinct text is normalised once per thread.
        Dictionary<string, string> memo = s_normalized ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (!memo.TryGetValue(text, out string? normalized))
        {
            if (memo.Count >= MaxMemoEntries)
            {
                memo.Clear();
            }

            normalized = LabelText.Normalize(OutlineNumber().Replace(text, "", 1));
            memo[text] = normalized;
        }

        return normalized;
    }

    private const int MaxMemoEntries = 4_096;

    [ThreadStatic]
    private static Dictionary<string, string>? s_normalized;

    /// <summary>« 1. », « 1.2 », « 1.2.3 - », « 4) », « 2 – » before a label; not « 12 rue… » (no dot, bracket or dash).</summary>
    [GeneratedRegex(@"^\s*[0-9]{1,2}(?:(?:\.[0-9]{1,2})+\.?\s*[-–:)]?|\s*[.)\-–:])\s*(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex OutlineNumber();

    /// <summary>Assigns fields to label cells; returns field key → label cell and how many of them matched exactly.</summary>
    /// <param name="valuesRightOfLabels">Form layout: a cell right of an exactly matched label is its value, never a label.</param>
    public static (Dictionary<string, Cell> Labels, int ExactCount) Assign(IEnumerable<Cell> cells, SheetDefinition sheet, bool valuesRightOfLabels)
    {
        NormalizedSheet labels = For(sheet);
        var candidates = new List<(Cell Cell, string Key, bool Exact, int Length)>();
        var rows = new Dictionary<int, List<Cell>>();
        var matches = new List<int>();
        Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> byText = labels.IndexesByText.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (Cell cell in cells)
        {
            if (!rows.TryGetValue(cell.Row, out List<Cell>? row))
            {
                rows[cell.Row] = row = [];
            }

            row.Add(cell);
            string? text = NormalizedText(cell);
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            // The labels this text is, or starts with (followed by a space): looked up at each word boundary rather
            // than compared with every label; added in the labels' order, as a scan of the list would.
            matches.Clear();
            if (byText.TryGetValue(text, out int[]? exactIndexes))
            {
                matches.AddRange(exactIndexes);
            }

            for (int space = text.IndexOf(' ', StringComparison.Ordinal); space > 0; space = text.IndexOf(' ', space + 1))
            {
                if (byText.TryGetValue(text.AsSpan(0, space), out int[]? prefixIndexes) && !LooksLikeValue((string)cell.Value!))
                {
                    matches.AddRange(prefixIndexes);
                }
            }

            matches.Sort();
            foreach (int index in matches)
            {
                (string key, string label) = labels.Labels[index];
                candidates.Add((cell, key, text.Length == label.Length, label.Length));
            }
        }

        candidates.Sort((a, b) =>
        {
            int order = b.Exact.CompareTo(a.Exact);
            order = order != 0 ? order : b.Length.CompareTo(a.Length);
            order = order != 0 ? order : a.Cell.Row.CompareTo(b.Cell.Row);
            return order != 0 ? order : a.Cell.Column.CompareTo(b.Cell.Column);
        });

        var assigned = new Dictionary<string, Cell>();
        var usedCells = new HashSet<(int, int)>();
        var valueCells = new HashSet<(int, int)>();
        int exact = 0;
        bool prefixPhase = false;
        foreach ((Cell cell, string key, bool isExact, _) in candidates)
        {
            if (!isExact && !prefixPhase && valuesRightOfLabels)
            {
                // A cell right of an exact label is that label's value ("contact@example.fr" next to "Courriel"), not a label.
                prefixPhase = true;
                foreach (Cell label in assigned.Values)
                {
                    if (rows.TryGetValue(label.Row, out List<Cell>? row) && row.Find(c => c.Column > label.Column) is { } value)
                    {
                        valueCells.Add((value.Row, value.Column));
                    }
                }
            }

            if (assigned.ContainsKey(key) || usedCells.Contains((cell.Row, cell.Column)) || valueCells.Contains((cell.Row, cell.Column)))
            {
                continue;
            }

            assigned[key] = cell;
            usedCells.Add((cell.Row, cell.Column));
            exact += isExact ? 1 : 0;
        }

        return (assigned, exact);
    }

    /// <summary>E-mail addresses and URLs start with words ("contact@…") but are never labels.</summary>
    private static bool LooksLikeValue(string text) => text.Contains('@', StringComparison.Ordinal) || text.Contains("://", StringComparison.Ordinal);

    /// <summary>True when <paramref name="text"/> (normalised) is one of the field's labels, or starts with one.</summary>
    public static bool IsLabelOf(string text, string key, SheetDefinition sheet)
    {
        foreach ((string k, string label) in For(sheet).Labels)
        {
            if (k == key && (text == label || (text.Length > label.Length && text[label.Length] == ' ' && text.StartsWith(label, StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    internal sealed class NormalizedSheet
    {
        public NormalizedSheet(SheetDefinition sheet)
        {
            Labels = [.. sheet.Fields
                .SelectMany(f => f.AcceptedLabels.Select(l => (f.Key, Label: LabelText.Normalize(l))))
                .Where(x => x.Label.Length > 0)
                .Distinct()];
            IndexesByText = Labels
                .Select((label, index) => (label.Label, index))
                .GroupBy(x => x.Label, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.index).ToArray(), StringComparer.Ordinal);
            Hints = sheet.Fields
                .Where(f => !string.IsNullOrWhiteSpace(f.Hint))
                .ToDictionary(f => f.Key, f => LabelText.Normalize(f.Hint));
        }

        public IReadOnlyList<(string Key, string Label)> Labels { get; }

        /// <summary>Each label text → its positions in <see cref="Labels"/> (several fields may share one), ascending.</summary>
        public Dictionary<string, int[]> IndexesByText { get; }

        public IReadOnlyDictionary<string, string> Hints { get; }
    }
}
