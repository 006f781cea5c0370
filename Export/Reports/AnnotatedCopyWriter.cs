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

    internal static readonly string[] Headers = ["Feuille", "Ligne", "Colonne", "Valeur", "Gravité", "Code", "Message", "Correction suggérée"];
    internal static readonly double[] Widths = [18, 8, 28, 24, 15, 26, 70, 55];

    /// <summary>Writes the annotated copy to <paramref name="outputPath"/>; returns the number of cells marked.
    /// The member's package is patched directly (<see cref="AnnotatedPackage"/>); the few packages it declines (an
    /// annotated copy sent back, sheets that already hold comments) go through ClosedXML.
    /// Throws when the workbook cannot be opened or saved (the caller then skips the copy).</summary>
    public static int Write(string originalPath, IReadOnlyList<Issue> issues, string reportFileName, string outputPath) =>
        AnnotatedPackage.TryWrite(originalPath, issues, reportFileName, outputPath)
        ?? WriteWithClosedXml(originalPath, issues, reportFileName, outputPath);

    /// <summary>The ClosedXML path: loads the whole workbook, removes earlier CleaNum annotations, marks, saves.</summary>
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

        WriteSheet(workbook, unplaced, reportFileName);
        WorkbookFiles.SaveAtomically(workbook, outputPath, forcePlainWorkbook: true);
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

    internal static string Explanation(string reportFileName) =>
        "Dans les onglets de votre fichier, les cellules en rouge contiennent une erreur à corriger et les cellules en "
        + "orange un avertissement à vérifier : passez la souris sur la cellule pour lire le message. "
        + $"Le rapport complet est dans le fichier {reportFileName}. "
        + "Après correction, déposez de nouveau le fichier complet (vous pouvez supprimer cet onglet).";

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

    private static void WriteSheet(XLWorkbook workbook, List<Issue> unplaced, string reportFileName)
    {
        IXLWorksheet sheet = workbook.Worksheets.Add(SheetName, 1);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        for (int c = 0; c < Widths.Length; c++)
        {
            sheet.Column(c + 1).Width = Widths[c];
        }

        IXLCell title = sheet.Cell(1, 1).SetValue("Anomalies relevées par CleaNum");
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 14;
        sheet.Row(1).Height = 22;

        string explanation = Explanation(reportFileName);
        IXLRange text = sheet.Range(2, 1, 2, Headers.Length).Merge();
        text.FirstCell().SetValue(explanation);
        text.Style.Alignment.WrapText = true;
        text.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        sheet.Row(2).Height = MemberReportWriter.RowHeight(explanation, Widths.Sum());

        IXLCell subtitle = sheet.Cell(4, 1).SetValue(unplaced.Count == 0
            ? "Toutes les anomalies sont signalées directement dans les cellules concernées."
            : "Anomalies qui ne concernent pas une cellule précise :");
        subtitle.Style.Font.Bold = true;
        if (unplaced.Count == 0)
        {
            sheet.SetTabActive();
            return;
        }

        for (int c = 0; c < Headers.Length; c++)
        {
            IXLCell header = sheet.Cell(5, c + 1).SetValue(Headers[c]);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        }

        int row = 6;
        foreach (Issue issue in unplaced)
        {
            MemberReportWriter.SetText(sheet.Cell(row, 1), issue.Sheet ?? "(général)");
            if (issue.Row is int excelRow)
            {
                sheet.Cell(row, 2).SetValue(excelRow);
            }

            MemberReportWriter.SetText(sheet.Cell(row, 3), issue.Column ?? "");
            MemberReportWriter.SetText(sheet.Cell(row, 4), issue.Value ?? "");
            MemberReportWriter.SetText(sheet.Cell(row, 5), FrenchText.SeverityLabel(issue.Severity));
            MemberReportWriter.SetText(sheet.Cell(row, 6), issue.Code);
            MemberReportWriter.SetText(sheet.Cell(row, 7), issue.Message);
            MemberReportWriter.SetText(sheet.Cell(row, 8), issue.Hint ?? "");
            IXLRange line = sheet.Range(row, 1, row, Headers.Length);
            line.Style.Alignment.WrapText = true;
            line.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            if (issue.Severity == Severity.Error)
            {
                line.Style.Fill.BackgroundColor = MemberReportWriter.ErrorFill;
            }
            else if (issue.Severity == Severity.Warning)
            {
                line.Style.Fill.BackgroundColor = MemberReportWriter.WarningFill;
            }

            sheet.Row(row).Height = Math.Max(
                MemberReportWriter.RowHeight(issue.Message, Widths[6]),
                MemberReportWriter.RowHeight(issue.Hint ?? "", Widths[7]));
            row++;
        }

        sheet.SetTabActive();
    }
}
