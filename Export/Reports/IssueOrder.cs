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

    /// <summary>"C7" when both the column letters and the row are known and valid; otherwise null. A full address in
    /// <see cref="Issue.CellAddress"/> ("C7") is accepted too, its row used when <see cref="Issue.Row"/> is null.</summary>
    public static string? CellReference(Issue issue)
    {
        if (string.IsNullOrWhiteSpace(issue.CellAddress))
        {
            return null;
        }

        string address = issue.CellAddress.Trim().ToUpperInvariant();
        string letters = new([.. address.TakeWhile(char.IsAsciiLetterUpper)]);
        string digits = address[letters.Length..];
        int? row = issue.Row;
        if (digits.Length > 0)
        {
            if (!digits.All(char.IsAsciiDigit) || !int.TryParse(digits, out int addressRow) || (row is not null && row != addressRow))
            {
                return null;
            }

            row = addressRow;
        }

        if (row is not int r || r < 1 || r > 1_048_576 || letters.Length is 0 or > 3 || string.CompareOrdinal(letters.PadLeft(3, 'A'), "XFD") > 0)
        {
            return null;
        }

        return letters + r.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
