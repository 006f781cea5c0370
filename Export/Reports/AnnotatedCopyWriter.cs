using CleaNum.Core.Issues;
using CleaNum.Core.Workbook;
using ClosedXML.Excel;

namespace CleaNum.Export.Reports;

/// <summary>
/// A copy of the member's own workbook with each faulty cell filled red (error) or orange (warning) and a comment
/// listing its issues; issues that point at no cell are listed on a first sheet <c>Anomalies CleaNum</c>.
/// The original file is only read (its bytes are loaded into memory), never written.
/// </summary>
internal static class AnnotatedCopyWriter
{
    public const string SheetName = "Anomalies CleaNum";

    /// <summary>First line of every comment CleaNum writes; lets a re-annotation of an annotated copy clean up.</summary>
    public const string CommentHeader = "CleaNum :";

    /// <summary>Writes the annotated copy to <paramref name="outputPath"/>; returns the number of cells marked.
    /// The member's package is patched directly (<see cref="AnnotatedPackage"/>); the few packages it declines (Strict
    /// Open XML, dangling relationships) go through ClosedXML.
    /// Throws when the workbook cannot be opened or saved (the caller then skips the copy).</summary>
    public static int Write(string originalPath, IReadOnlyList<Issue> issues, string reportFileName, string outputPath) =>
        AnnotatedPackage.TryWrite(originalPath, issues, reportFileName, outputPath)
        ?? WriteWithClosedXml(originalPath, issues, reportFileName, outputPath);

    /// <summary>The ClosedXML path (Strict Open XML, which the patch leaves alone): loads the whole workbook, removes
    /// earlier CleaNum annotations, marks the cells, saves; the patch then adds the first sheet and makes the copy a
    /// plain workbook (<see cref="AnnotatedPackage.WriteFirstSheet"/>), so that sheet is written one way only.</summary>
    internal static int WriteWithClosedXml(string originalPath, IReadOnlyList<Issue> issues, string reportFileName, string outputPath)
    {
        byte[] bytes = File.ReadAllBytes(originalPath);
        using var stream = new MemoryStream(bytes, writable: false);
        using var workbook = new XLWorkbook(stream);

        RemovePreviousAnnotations(workbook);

        var unplaced = new List<Issue>();
        var byCell = new Dictionary<IXLCell, List<Issue>>();
        var order = new List<IXLCell>();
        foreach (Issue issue in issues)
        {
            IXLCell? cell = Locate(workbook, issue);
            if (cell is null)
            {
                unplaced.Add(issue);
                continue;
            }

            if (!byCell.TryGetValue(cell, out List<Issue>? list))
            {
                byCell[cell] = list = [];
                order.Add(cell);
            }

            list.Add(issue);
        }

        foreach (IXLCell cell in order)
        {
            Mark(cell, byCell[cell]);
        }

        using var marked = new MemoryStream();
        workbook.SaveAs(marked);
        AnnotatedPackage.WriteFirstSheet(marked.ToArray(), unplaced, reportFileName, outputPath);
        return order.Count;
    }

    /// <summary>The worksheet cell an issue points at: its sheet (schema name, matched against the workbook's real
    /// sheet names through every accepted name), row and column letters; null when any is unknown.</summary>
    internal static IXLCell? Locate(XLWorkbook workbook, Issue issue)
    {
        if (string.IsNullOrWhiteSpace(issue.Sheet) || IssueOrder.CellReference(issue) is not { } reference)
        {
            return null;
        }

        IXLWorksheet? sheet = FindSheet(workbook, issue.Sheet);
        return sheet?.Cell(reference);
    }

    internal static IXLWorksheet? FindSheet(XLWorkbook workbook, string sheetName)
    {
        var sheets = workbook.Worksheets.Where(w => w.Name != SheetName).ToList();
        return FindSheetName([.. sheets.Select(w => w.Name)], sheetName) is { } name ? sheets.First(w => w.Name == name) : null;
    }

    /// <summary>The workbook's sheet an issue's sheet name designates: the same name, the same name but for case, accents
    /// and punctuation, or any name the schema accepts for that sheet (in schema order: "Etablissements" before "Sites").</summary>
    internal static string? FindSheetName(IReadOnlyList<string> names, string sheetName)
    {
        var sheets = names.Where(n => n != SheetName).ToList();
        if (sheets.Contains(sheetName))
        {
            return sheetName;
        }

        string normalized = LabelText.Normalize(sheetName);
        string? close = sheets.FirstOrDefault(n => LabelText.Normalize(n) == normalized);
        if (close is not null)
        {
            return close;
        }

        SheetDefinition? definition = SheetDefinition.Find(MemberWorkbookSchema.Sheets, sheetName);
        if (definition is null)
        {
            return null;
        }

        foreach (string name in definition.AcceptedNames)
        {
            string accepted = LabelText.Normalize(name);
            string? match = sheets.FirstOrDefault(n => LabelText.Normalize(n) == accepted);
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private static void Mark(IXLCell cell, List<Issue> issues)
    {
        Severity worst = issues.Max(i => i.Severity);
        if (worst == Severity.Error)
        {
            cell.Style.Fill.BackgroundColor = MemberReportWriter.ErrorFill;
        }
        else if (worst == Severity.Warning)
        {
            cell.Style.Fill.BackgroundColor = MemberReportWriter.WarningFill;
        }

        string text = CommentText(issues);
        IXLComment comment = cell.Comment;
        if (comment.Text.Length > 0)
        {
            comment.AddNewLine();
        }

        comment.AddText(text);
        comment.Author = "CleaNum";
        comment.Style.Size.SetWidth(40).Size.SetHeight(CommentHeight(text));
    }

    /// <summary>The comment of a marked cell: <see cref="CommentHeader"/>, then one line per issue, worst first.</summary>
    internal static string CommentText(IEnumerable<Issue> issues)
    {
        var lines = new List<string> { CommentHeader };
        foreach (Issue issue in issues.OrderByDescending(i => i.Severity))
        {
            string line = $"• {FrenchText.SeverityLabel(issue.Severity)} : {issue.Message}";
            if (!string.IsNullOrWhiteSpace(issue.Hint))
            {
                line += $" → {issue.Hint}";
            }

            lines.Add(line);
        }

        return string.Join("\n", lines);
    }

    /// <summary>Height of a comment box, in lines of text, for a box 40 characters wide.</summary>
    internal static int CommentHeight(string text)
    {
        string[] lines = text.Split('\n');
        return Math.Min(40, 2 + (lines.Sum(l => l.Length) / 35) + lines.Length);
    }

    /// <summary>A re-deposited annotated copy comes back: drop our earlier sheet, comments and fills first.</summary>
    private static void RemovePreviousAnnotations(XLWorkbook workbook)
    {
        if (workbook.Worksheets.TryGetWorksheet(SheetName, out IXLWorksheet? previous))
        {
            previous.Delete();
        }

        foreach (IXLWorksheet sheet in workbook.Worksheets)
        {
            foreach (IXLCell cell in sheet.CellsUsed(XLCellsUsedOptions.Comments).ToList())
            {
                if (!cell.HasComment || !cell.Comment.Text.StartsWith(CommentHeader, StringComparison.Ordinal))
                {
                    continue;
                }

                cell.Clear(XLClearOptions.Comments);
                XLColor fill = cell.Style.Fill.BackgroundColor;
                if (fill == MemberReportWriter.ErrorFill || fill == MemberReportWriter.WarningFill)
                {
                    cell.Style.Fill.PatternType = XLFillPatternValues.None;
                }
            }
        }
    }
}
