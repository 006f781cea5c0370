using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;

namespace CleaNum.Core.Validation;

/// <summary>
/// Report order: file-level issues (no sheet) first, then the sheets in schema order (Organisme, Etablissements,
/// Intervenants, References), each by row then column order, then the member-level codes. Also drops an issue the
/// reader and a validator both found (same code, sheet, row and column), keeping the validator's (it has the address).
/// </summary>
internal static class IssueOrder
{
    private static readonly HashSet<string> MemberLevel = new(StringComparer.Ordinal)
    {
        IssueCodes.CvEvaluatorMissing, IssueCodes.CvTrainerMissing, IssueCodes.HrCountInconsistent,
        IssueCodes.MemberNotInRoster, IssueCodes.MandateMissing,
    };

    public static IReadOnlyList<Issue> Sort(IEnumerable<Issue> validatorIssues, IEnumerable<Issue> readerIssues, RawWorkbook workbook, IReadOnlyList<SheetDefinition> schema)
    {
        List<Issue> found = [.. validatorIssues];
        var seen = new HashSet<(string, int, int?, string)>(found.Select(i => Key(i, workbook, schema)));
        found.AddRange(readerIssues.Where(i => !seen.Contains(Key(i, workbook, schema))));
        return
        [
            .. found
                .Select((issue, index) => (issue, index))
                .OrderBy(x => Rank(x.issue, workbook, schema))
                .ThenBy(x => x.issue.Row ?? 0)
                .ThenBy(x => ColumnRank(x.issue, workbook, schema))
                .ThenBy(x => x.index)
                .Select(x => x.issue),
        ];
    }

    private static (string, int, int?, string) Key(Issue issue, RawWorkbook workbook, IReadOnlyList<SheetDefinition> schema) =>
        (issue.Code, Rank(issue, workbook, schema), issue.Row, LabelText.Normalize(issue.Column));

    private static int Rank(Issue issue, RawWorkbook workbook, IReadOnlyList<SheetDefinition> schema)
    {
        if (MemberLevel.Contains(issue.Code))
        {
            return schema.Count + 1;
        }

        if (issue.Sheet is null)
        {
            return -1;
        }

        int index = SheetIndex(issue.Sheet, workbook, schema);
        return index >= 0 ? index : schema.Count;
    }

    private static int SheetIndex(string sheetName, RawWorkbook workbook, IReadOnlyList<SheetDefinition> schema)
    {
        RawSheet? located = workbook.Sheets.FirstOrDefault(s => s.SheetName == sheetName);
        string normalized = LabelText.Normalize(sheetName);
        for (int i = 0; i < schema.Count; i++)
        {
            if ((located is not null && located.Definition.Key == schema[i].Key)
                || schema[i].AcceptedNames.Any(n => LabelText.Normalize(n) == normalized))
            {
                return i;
            }
        }

        return -1;
    }

    private static int ColumnRank(Issue issue, RawWorkbook workbook, IReadOnlyList<SheetDefinition> schema)
    {
        if (issue.Column is null || issue.Sheet is null || SheetIndex(issue.Sheet, workbook, schema) is not (>= 0 and var index))
        {
            return -1;
        }

        string column = LabelText.Normalize(issue.Column);
        IReadOnlyList<FieldDefinition> fields = schema[index].Fields;
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i].AcceptedLabels.Any(l => LabelText.Normalize(l) == column))
            {
                return i;
            }
        }

        return fields.Count;
    }
}
