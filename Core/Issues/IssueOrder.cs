using System.Globalization;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Issues;

/// <summary>
/// The one order in which issues are listed — by the member's report, the CLI, the JSON output and the stored rows
/// (README, « Ordre des anomalies »): the sheets in workbook order (Organisme, Etablissements, Intervenants,
/// Références, Activité; a sheet is known by any of its accepted names), then any other sheet (by name), then the
/// issues about no sheet (file level, then member level); within a sheet by row (sheet-level issues first), then by
/// column in the schema's order, the member-level codes after the others, and finally in the order they were found.
/// </summary>
public static class IssueOrder
{
    private static readonly HashSet<string> MemberLevelCodes = new(StringComparer.Ordinal)
    {
        IssueCodes.CvEvaluatorMissing, IssueCodes.CvTrainerMissing, IssueCodes.HrCountInconsistent,
        IssueCodes.MemberNotInRoster, IssueCodes.MandateMissing,
    };

    /// <summary>Issues of a member workbook in the report's order.</summary>
    public static IReadOnlyList<Issue> Sort(IEnumerable<Issue> issues) => Sort(issues, MemberWorkbookSchema.Sheets);

    /// <summary>Issues of a workbook of <paramref name="schema"/> in the report's order.</summary>
    public static IReadOnlyList<Issue> Sort(IEnumerable<Issue> issues, IReadOnlyList<SheetDefinition> schema)
    {
        // Each issue's keys are computed once (sheet rank and column rank look labels up): the report, the annotated
        // copy and the stored rows sort every file's issues.
        var keyed = issues.Select((issue, index) => (Key: SortKey.Of(issue, index, schema), Issue: issue)).ToList();
        keyed.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return [.. keyed.Select(x => x.Issue)];
    }

    private readonly record struct SortKey(int SheetRank, string OtherSheet, int Row, int MemberLevel, int ColumnRank, int Index)
        : IComparable<SortKey>
    {
        public static SortKey Of(Issue issue, int index, IReadOnlyList<SheetDefinition> schema)
        {
            int sheetRank = IssueOrder.SheetRank(issue.Sheet, schema);
            return new SortKey(
                sheetRank,
                sheetRank == schema.Count ? LabelText.Normalize(issue.Sheet) : "",
                issue.Row ?? 0,
                MemberLevelCodes.Contains(issue.Code) ? 1 : 0,
                IssueOrder.ColumnRank(issue, schema),
                index);
        }

        public int CompareTo(SortKey other)
        {
            int order = SheetRank.CompareTo(other.SheetRank);
            order = order != 0 ? order : string.CompareOrdinal(OtherSheet, other.OtherSheet);
            order = order != 0 ? order : Row.CompareTo(other.Row);
            order = order != 0 ? order : MemberLevel.CompareTo(other.MemberLevel);
            order = order != 0 ? order : ColumnRank.CompareTo(other.ColumnRank);
            return order != 0 ? order : Index.CompareTo(other.Index);
        }
    }

    /// <summary>The validators' issues and the reader's, in the report's order; an issue the reader and a validator
    /// both found (same code, sheet, row and column) is listed once, as the validator's (it has the address).</summary>
    internal static IReadOnlyList<Issue> Merge(
        IEnumerable<Issue> validatorIssues, IEnumerable<Issue> readerIssues, RawWorkbook workbook, IReadOnlyList<SheetDefinition> schema)
    {
        List<Issue> found = [.. validatorIssues];
        var seen = new HashSet<(string, string, int?, string)>(found.Select(i => DuplicateKey(i, workbook, schema)));
        found.AddRange(readerIssues.Where(i => !seen.Contains(DuplicateKey(i, workbook, schema))));
        return Sort(found, schema);
    }

    /// <summary>Position of a member workbook's sheet: 0… for the schema's sheets (any accepted name), then one for
    /// any other sheet, then one for no sheet.</summary>
    public static int SheetRank(string? sheet) => SheetRank(sheet, MemberWorkbookSchema.Sheets);

    private static int SheetRank(string? sheet, IReadOnlyList<SheetDefinition> schema)
    {
        if (string.IsNullOrWhiteSpace(sheet))
        {
            return schema.Count + 1;
        }

        SheetDefinition? definition = SheetDefinition.Find(schema, sheet);
        return definition is null ? schema.Count : IndexOf(definition, schema);
    }

    private static int IndexOf(SheetDefinition definition, IReadOnlyList<SheetDefinition> schema)
    {
        for (int i = 0; i < schema.Count; i++)
        {
            if (ReferenceEquals(schema[i], definition))
            {
                return i;
            }
        }

        return schema.Count;
    }

    private static int ColumnRank(Issue issue, IReadOnlyList<SheetDefinition> schema)
    {
        if (issue.Column is null || SheetDefinition.Find(schema, issue.Sheet) is not { } definition)
        {
            return -1;
        }

        int index = definition.FieldIndexOf(LabelText.Normalize(issue.Column));
        return index < 0 ? definition.Fields.Count : index;
    }

    /// <summary>Code, sheet (the located sheet's key when the workbook has it, else the name), row and column.</summary>
    private static (string, string, int?, string) DuplicateKey(Issue issue, RawWorkbook workbook, IReadOnlyList<SheetDefinition> schema)
    {
        string sheet = issue.Sheet is null
            ? ""
            : workbook.Sheets.FirstOrDefault(s => s.SheetName == issue.Sheet)?.Definition.Key
              ?? SheetDefinition.Find(schema, issue.Sheet)?.Key
              ?? LabelText.Normalize(issue.Sheet);
        return (issue.Code, sheet, issue.Row, LabelText.Normalize(issue.Column));
    }

    /// <summary>"C7" when both the column letters and the row are known and valid; otherwise null. A full address in
    /// <see cref="Issue.CellAddress"/> ("C7") is accepted too, its row used when <see cref="Issue.Row"/> is null.</summary>
    public static string? CellReference(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
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

        return letters + r.ToString(CultureInfo.InvariantCulture);
    }
}
