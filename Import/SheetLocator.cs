using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Import;

/// <summary>
/// Finds each expected sheet: by name first (exact, then "1. Etablissements"-style prefixes, then a name containing an
/// accepted name; a visible sheet before a hidden one of the same score), then by content (a sheet whose header row or labels match most fields), else SHEET_MISSING.
/// </summary>
internal static class SheetLocator
{
    public static RawWorkbook Locate(string fileName, IReadOnlyList<SheetGrid> grids, IReadOnlyList<SheetDefinition> definitions)
    {
        var assignment = new Dictionary<SheetDefinition, SheetGrid>();
        var used = new HashSet<SheetGrid>();

        // Each sheet's name is normalized once, not once per expected sheet.
        var names = grids.Select(g => (Grid: g, Name: SheetName.Of(g.Name))).ToList();
        var byName = (
            from definition in definitions
            from sheet in names
            let score = sheet.Name.Score(definition)
            where score > 0
            orderby score descending, sheet.Grid.Hidden, sheet.Grid.Index
            select (definition, sheet.Grid)).ToList();
        foreach ((SheetDefinition definition, SheetGrid grid) in byName)
        {
            if (!assignment.ContainsKey(definition) && used.Add(grid))
            {
                assignment[definition] = grid;
            }
        }

        // By content: every (missing sheet, unused grid) pair scoring at least half the required fields; the best share first.
        var byContent = new List<(SheetDefinition Definition, SheetGrid Grid, double Share, int Score)>();
        foreach (SheetDefinition definition in definitions.Where(d => !assignment.ContainsKey(d)))
        {
            int threshold = definition.MinContentMatches ?? Math.Max(2, (definition.Fields.Count(f => f.Required) + 1) / 2);
            foreach (SheetGrid grid in grids.Where(g => !used.Contains(g)
                && !string.Equals(g.Name, MemberWorkbookSchema.ListsSheetName, StringComparison.OrdinalIgnoreCase)))
            {
                int score = definition.Layout == SheetLayout.Table
                    ? TableSheetReader.FindHeader(grid, definition).Count
                    : FormSheetReader.FindLabels(grid, definition).Labels.Count;
                if (score >= threshold)
                {
                    byContent.Add((definition, grid, (double)score / definition.Fields.Count, score));
                }
            }
        }

        foreach ((SheetDefinition definition, SheetGrid grid, _, _) in byContent.OrderByDescending(c => c.Share).ThenByDescending(c => c.Score).ThenBy(c => c.Grid.Hidden))
        {
            if (!assignment.ContainsKey(definition) && used.Add(grid))
            {
                assignment[definition] = grid;
            }
        }

        var issues = new List<Issue>();
        var sheets = new List<RawSheet>();
        bool roster = IsRosterInsteadOfMemberFile(grids, definitions, assignment);
        foreach (SheetDefinition definition in definitions)
        {
            if (!assignment.TryGetValue(definition, out SheetGrid? grid))
            {
                if (definition.ReportWhenMissing)
                {
                    issues.Add(roster ? ImportMessages.RosterInsteadOfMemberFile(definition) : ImportMessages.SheetMissing(definition));
                }

                continue;
            }

            sheets.Add(definition.Layout == SheetLayout.Table
                ? TableSheetReader.Read(grid, definition, TableSheetReader.FindHeader(grid, definition), issues)
                : FormSheetReader.Read(grid, definition, issues));
        }

        return new RawWorkbook(fileName, sheets, issues);
    }

    /// <summary>A member file was expected and none of its required sheets is there, but the network's own roster
    /// sheets are (« Tete de reseau » and « Membres »): the head dropped <c>reseau.xlsx</c> in the wrong place.</summary>
    private static bool IsRosterInsteadOfMemberFile(
        IReadOnlyList<SheetGrid> grids, IReadOnlyList<SheetDefinition> definitions, Dictionary<SheetDefinition, SheetGrid> assignment) =>
        !definitions.Contains(NetworkWorkbookSchema.MembersSheet)
        && definitions.Where(d => d.Required).All(d => !assignment.ContainsKey(d))
        && NetworkWorkbookSchema.Sheets.All(roster => grids.Any(g => NameScore(g.Name, roster) == 3));

    /// <summary>3: same name (leading numbering such as "1." ignored); 2: starts with an accepted name; 1: contains one as whole words.</summary>
    internal static int NameScore(string sheetName, SheetDefinition definition) => SheetName.Of(sheetName).Score(definition);

    private static string StripLeadingNumbers(string name)
    {
        string[] words = name.Split(' ');
        int skip = 0;
        while (skip < words.Length - 1 && words[skip].All(char.IsDigit))
        {
            skip++;
        }

        return string.Join(' ', words.Skip(skip));
    }

    /// <summary>A sheet's name normalized (<see cref="LabelText.Normalize"/>), with and without its leading numbers.</summary>
    private readonly record struct SheetName(string Normalized, string Unnumbered)
    {
        public static SheetName Of(string sheetName)
        {
            string name = LabelText.Normalize(sheetName);
            return new SheetName(name, name.Length == 0 ? "" : StripLeadingNumbers(name));
        }

        /// <summary>See <see cref="NameScore"/>.</summary>
        public int Score(SheetDefinition definition)
        {
            if (Normalized.Length == 0)
            {
                return 0;
            }

            int best = 0;
            foreach (string accepted in definition.NormalizedNames)
            {
                int score = Normalized == accepted || Unnumbered == accepted ? 3
                    : Unnumbered.StartsWith(accepted + " ", StringComparison.Ordinal) ? 2
                    : (" " + Normalized + " ").Contains(" " + accepted + " ", StringComparison.Ordinal) ? 1
                    : 0;
                best = Math.Max(best, score);
            }

            return best;
        }
    }
}
