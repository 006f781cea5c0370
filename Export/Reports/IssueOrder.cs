using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Export.Reports;

/// <summary>Report order: Organisme, Etablissements, Intervenants, References, then any other sheet, then issues about
/// no sheet (file or member level); within a sheet by row (sheet-level first), keeping the validators' order.</summary>
internal static class IssueOrder
{
    public static IReadOnlyList<Issue> Sort(IEnumerable<Issue> issues) =>
    [
        .. issues
            .Select((issue, index) => (issue, index))
            .OrderBy(x => SheetRank(x.issue.Sheet))
            .ThenBy(x => x.issue.Sheet is { } s && SheetRank(s) == MemberWorkbookSchema.Sheets.Count
                ? LabelText.Normalize(s)
                : "", StringComparer.Ordinal)
            .ThenBy(x => x.issue.Row ?? 0)
            .ThenBy(x => x.index)
            .Select(x => x.issue),
    ];

    /// <summary>0…3 for the schema sheets (matched on any accepted name), 4 for another sheet, 5 for none.</summary>
    public static int SheetRank(string? sheet)
    {
        if (string.IsNullOrWhiteSpace(sheet))
        {
            return MemberWorkbookSchema.Sheets.Count + 1;
        }

        SheetDefinition? definition = FindDefinition(sheet);
        return definition is null ? MemberWorkbookSchema.Sheets.Count : IndexOf(definition);
    }

    public static SheetDefinition? FindDefinition(string sheet)
    {
        string normalized = LabelText.Normalize(sheet);
        return MemberWorkbookSchema.Sheets.FirstOrDefault(d => LabelText.Normalize(d.Name) == normalized)
               ?? MemberWorkbookSchema.Sheets.FirstOrDefault(d => d.AcceptedNames.Any(n => LabelText.Normalize(n) == normalized));
    }

    private static int IndexOf(SheetDefinition definition)
    {
        for (int i = 0; i < MemberWorkbookSchema.Sheets.Count; i++)
        {
            if (ReferenceEquals(MemberWorkbookSchema.Sheets[i], definition))
            {
                return i;
            }
        }

        return MemberWorkbookSchema.Sheets.Count;
    }

    /// <summary>"C7" when both the column letters and the row are known and valid; otherwise null.</summary>
    public static string? CellReference(Issue issue)
    {
        if (issue.Row is not int row || row < 1 || row > 1_048_576 || string.IsNullOrWhiteSpace(issue.CellAddress))
        {
            return null;
        }

        string letters = issue.CellAddress.Trim().ToUpperInvariant();
        if (letters.Length > 3 || !letters.All(char.IsAsciiLetterUpper))
        {
            return null;
        }

        return letters + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
