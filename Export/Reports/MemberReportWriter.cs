using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging;

namespace CleaNum.Export.Reports;

/// <summary>
/// Writes the member's report (<c>Synthese</c> + <c>Anomalies</c>) and, for an .xlsx/.xlsm input that could be read,
/// an annotated copy of the member's own workbook. Refused files (no data) still get a report.
/// </summary>
internal sealed class MemberReportWriter(ILogger<MemberReportWriter> logger) : IMemberReportWriter
{
    public const string SummarySheetName = "Synthese";
    public const string IssuesSheetName = "Anomalies";

    internal static readonly string[] IssueHeaders =
        ["Feuille", "Cellule", "Ligne", "Colonne", "Valeur", "Gravité", "Code", "Message", "Correction suggérée"];

    private static readonly double[] IssueWidths = [16, 9, 7, 24, 22, 15, 26, 60, 50];

    internal static readonly XLColor ErrorFill = XLColor.FromHtml("#FFC7CE");
    internal static readonly XLColor WarningFill = XLColor.FromHtml("#FFEB9C");
    internal static readonly XLColor OkFill = XLColor.FromHtml("#C6EFCE");
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");
    private static readonly XLColor TitleColor = XLColor.FromHtml("#1F4E78");

    private static readonly HashSet<string> FileLevelCodes =
    [
        IssueCodes.FileFormatUnsupported, IssueCodes.FileUnreadable, IssueCodes.FileEncrypted, IssueCodes.FileTooLarge,
    ];

    public MemberReportFiles Write(MemberReportRequest request, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);

        Submission submission = request.Submission;
        string member = ReportFileNames.MemberPart(submission, request.OriginalPath);
        string folder = Path.GetFullPath(outputFolder);
        string reportPath = Path.Combine(folder, ReportFileNames.Report(member, request.GeneratedAt));
        IReadOnlyList<Issue> issues = IssueOrder.Sort(submission.Issues);

        using (var workbook = new XLWorkbook())
        {
            WriteSummary(workbook.AddWorksheet(SummarySheetName), request, issues);
            WriteIssues(workbook.AddWorksheet(IssuesSheetName), issues);
            workbook.Worksheet(1).SetTabActive();
            WorkbookFiles.PrintLandscapeOnePageWide(workbook);
            WorkbookFiles.SaveAtomically(workbook, reportPath);
        }

        logger.ReportWritten(reportPath, issues.Count);

        string? annotatedPath = null;
        if (AnnotationReason(request) is { } reason)
        {
            logger.AnnotatedCopyNotApplicable(request.OriginalPath ?? "", reason);
        }
        else
        {
            string target = Path.Combine(folder, ReportFileNames.Annotated(member, request.GeneratedAt));
            try
            {
                int marked = AnnotatedCopyWriter.Write(request.OriginalPath, issues, Path.GetFileName(reportPath), target);
                annotatedPath = target;
                logger.AnnotatedCopyWritten(target, marked);
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                // A workbook ClosedXML cannot open or save (odd styles, pivot caches…) just gets no annotated copy.
                logger.AnnotatedCopySkipped(ex, request.OriginalPath);
            }
        }

        return new MemberReportFiles(reportPath, annotatedPath);
    }

    /// <summary>Why no annotated copy is made, or null when one should be.</summary>
    private static string? AnnotationReason(MemberReportRequest request)
    {
        if (request.Submission.Data is null)
        {
            return "the file could not be read";
        }

        if (request.Submission.Status == SubmissionStatus.Duplicate)
        {
            return "duplicate file";
        }

        if (request.Submission.Issues.Count == 0)
        {
            return "no issue";
        }

        string extension = Path.GetExtension(request.OriginalPath ?? "");
        if (!extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
            && !extension.Equals(".xlsm", StringComparison.OrdinalIgnoreCase))
        {
            return $"{extension} input";
        }

        return File.Exists(request.OriginalPath) ? null : "original file not found";
    }

    private static void WriteSummary(IXLWorksheet sheet, MemberReportRequest request, IReadOnlyList<Issue> issues)
    {
        Submission submission = request.Submission;
        sheet.Column(1).Width = 30;
        sheet.Column(2).Width = 95;
        sheet.ShowGridLines = false;

        IXLCell title = sheet.Cell(1, 1).SetValue("Rapport de contrôle CleaNum — dossier CléA numérique");
        title.Style.Font.FontSize = 16;
        title.Style.Font.Bold = true;
        title.Style.Font.FontColor = TitleColor;
        sheet.Row(1).Height = 26;

        int errors = issues.Count(i => i.Severity == Severity.Error);
        int warnings = issues.Count(i => i.Severity == Severity.Warning);
        int infos = issues.Count(i => i.Severity == Severity.Info);
        string memberName = submission.MemberName ?? submission.Data?.Organisation.Name ?? "";

        int row = 3;
        IXLCell Field(string label, string text)
        {
            sheet.Cell(row, 1).SetValue(label).Style.Font.Bold = true;
            IXLCell value = sheet.Cell(row, 2);
            value.Style.NumberFormat.Format = "@";
            value.SetValue(text);
            value.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            row++;
            return value;
        }

        IXLCell Count(string label, int count)
        {
            sheet.Cell(row, 1).SetValue(label).Style.Font.Bold = true;
            IXLCell value = sheet.Cell(row, 2).SetValue(count);
            value.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
            row++;
            return value;
        }

        Field("Fichier reçu", submission.FileName);
        Field("Reçu le", FrenchText.DateTimeText(FrenchText.ToParis(submission.ReceivedAtUtc)));
        Field("Rapport établi le", FrenchText.DateTimeText(FrenchText.ToParis(request.GeneratedAt)));
        Field("Organisme", memberName.Length > 0 ? memberName : "(non identifié)");
        Field("SIREN", submission.Siren is { Length: > 0 } siren ? FrenchText.FormatSiren(siren) : "(non identifié)");
        Field("Version", submission.Version > 0
            ? submission.Version.ToString(FrenchText.Culture)
            : "non attribuée");
        IXLCell state = Field("État", FrenchText.StatusLabel(submission.Status));
        state.Style.Font.Bold = true;
        state.Style.Fill.BackgroundColor = submission.Status switch
        {
            SubmissionStatus.Accepted => OkFill,
            SubmissionStatus.AcceptedWithWarnings => WarningFill,
            SubmissionStatus.Refused => ErrorFill,
            _ => XLColor.FromHtml("#EDEDED"),
        };
        IXLCell errorCell = Count("Erreurs", errors);
        if (errors > 0)
        {
            errorCell.Style.Font.FontColor = XLColor.FromHtml("#9C0006");
            errorCell.Style.Font.Bold = true;
        }

        Count("Avertissements", warnings);
        Count("Informations", infos);

        row++;
        IXLCell heading = sheet.Cell(row, 1).SetValue("Que faire maintenant ?");
        heading.Style.Font.FontSize = 13;
        heading.Style.Font.Bold = true;
        heading.Style.Font.FontColor = TitleColor;
        sheet.Row(row).Height = 22;
        row++;

        foreach (string paragraph in NextSteps(submission, issues, errors, warnings))
        {
            IXLRange range = sheet.Range(row, 1, row, 2).Merge();
            range.FirstCell().SetValue(paragraph);
            range.Style.Alignment.WrapText = true;
            range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            sheet.Row(row).Height = RowHeight(paragraph, 125);
            row++;
        }
    }

    /// <summary>Plain-French guidance tailored to the outcome.</summary>
    internal static IReadOnlyList<string> NextSteps(Submission submission, IReadOnlyList<Issue> issues, int errors, int warnings)
    {
        if (submission.Status == SubmissionStatus.Duplicate)
        {
            return
            [
                "Ce fichier est identique, octet pour octet, à un fichier déjà reçu : il n'a pas été enregistré une seconde fois. Vous n'avez rien à faire.",
                "Si vous pensiez envoyer une version corrigée, vérifiez que vos modifications ont bien été enregistrées avant de déposer le fichier de nouveau.",
            ];
        }

        Issue? fileIssue = issues.FirstOrDefault(i => FileLevelCodes.Contains(i.Code));
        if (submission.Data is null || fileIssue is not null)
        {
            string why = fileIssue?.Code switch
            {
                IssueCodes.FileFormatUnsupported =>
                    "Ce fichier n'est pas un classeur Excel accepté (seuls les formats .xlsx, .xlsm et .xls sont lus ; "
                    + ".ods, .csv, .pdf ou un fichier renommé ne le sont pas).",
                IssueCodes.FileEncrypted =>
                    "Ce fichier est protégé par un mot de passe : il ne peut pas être lu.",
                IssueCodes.FileTooLarge =>
                    "Ce fichier est trop volumineux (trop de lignes ou taille excessive), souvent à cause de lignes "
                    + "vides mises en forme ou d'images.",
                _ => "Ce fichier n'a pas pu être lu : il est endommagé, incomplet ou n'est pas un vrai classeur Excel.",
            };
            string what = fileIssue?.Code switch
            {
                IssueCodes.FileEncrypted =>
                    "Retirez le mot de passe (Fichier > Informations > Protéger le classeur), enregistrez, puis déposez "
                    + "le fichier de nouveau.",
                IssueCodes.FileTooLarge =>
                    "Supprimez les lignes vides et les images inutiles, ou repartez du modèle fourni par votre tête de "
                    + "réseau, puis déposez le fichier de nouveau.",
                _ =>
                    "Ouvrez votre fichier dans Excel ou LibreOffice, faites « Enregistrer sous » au format Classeur Excel "
                    + "(.xlsx), puis déposez ce nouveau fichier. Le plus simple est de repartir du modèle fourni par votre "
                    + "tête de réseau.",
            };
            return [$"Votre fichier est refusé. {why}", what, "Aucune donnée de ce fichier n'a été prise en compte."];
        }

        if (errors > 0)
        {
            var steps = new List<string>
            {
                $"Votre fichier est refusé : {Plural(errors, "erreur bloquante", "erreurs bloquantes")} à corriger. "
                + "Tant qu'elles ne sont pas corrigées, vos informations ne peuvent pas figurer dans le dossier du réseau.",
                "Corrigez les cellules listées dans l'onglet « Anomalies » (colonnes Feuille et Cellule ; la colonne "
                + "« Correction suggérée » explique quoi faire). Si une copie annotée de votre fichier est jointe "
                + "(…-Annote.xlsx), les cellules en erreur y sont surlignées en rouge.",
                "Déposez ensuite de nouveau le fichier complet (pas seulement les lignes corrigées) : c'est la dernière "
                + "version acceptée qui compte.",
            };
            if (warnings > 0)
            {
                steps.Add($"Profitez-en pour vérifier {Plural(warnings, "avertissement", "avertissements")} (en orange).");
            }

            return steps;
        }

        if (warnings > 0)
        {
            return
            [
                $"Votre fichier est accepté, avec {Plural(warnings, "avertissement", "avertissements")}. Il sera repris "
                + "dans le dossier du réseau tel quel.",
                "Si vous le pouvez, vérifiez les points listés dans l'onglet « Anomalies » : s'il s'agit d'une erreur, "
                + "corrigez-la et déposez de nouveau le fichier complet ; sinon, vous n'avez rien à faire.",
            ];
        }

        return ["Votre fichier est accepté, sans anomalie. Vous n'avez rien à faire."];
    }

    private static string Plural(int count, string one, string many) =>
        $"{count.ToString(FrenchText.Culture)} {(count > 1 ? many : one)}";

    private static void WriteIssues(IXLWorksheet sheet, IReadOnlyList<Issue> issues)
    {
        for (int c = 0; c < IssueHeaders.Length; c++)
        {
            IXLCell header = sheet.Cell(1, c + 1).SetValue(IssueHeaders[c]);
            header.Style.Font.Bold = true;
            header.Style.Fill.BackgroundColor = HeaderFill;
            header.Style.Alignment.WrapText = true;
            header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
            sheet.Column(c + 1).Width = IssueWidths[c];
        }

        sheet.Row(1).Height = 20;
        int row = 2;
        foreach (Issue issue in issues)
        {
            SetText(sheet.Cell(row, 1), issue.Sheet ?? "(général)");
            SetText(sheet.Cell(row, 2), IssueOrder.CellReference(issue) ?? "");
            if (issue.Row is int excelRow)
            {
                sheet.Cell(row, 3).SetValue(excelRow);
            }

            sheet.Cell(row, 3).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
            SetText(sheet.Cell(row, 4), issue.Column ?? "");
            SetText(sheet.Cell(row, 5), issue.Value ?? "");
            SetText(sheet.Cell(row, 6), FrenchText.SeverityLabel(issue.Severity));
            SetText(sheet.Cell(row, 7), issue.Code);
            SetText(sheet.Cell(row, 8), issue.Message);
            SetText(sheet.Cell(row, 9), issue.Hint ?? "");

            IXLRange line = sheet.Range(row, 1, row, IssueHeaders.Length);
            line.Style.Alignment.WrapText = true;
            line.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            if (issue.Severity == Severity.Error)
            {
                line.Style.Fill.BackgroundColor = ErrorFill;
            }
            else if (issue.Severity == Severity.Warning)
            {
                sheet.Cell(row, 6).Style.Fill.BackgroundColor = WarningFill;
            }

            sheet.Row(row).Height = Math.Max(
                Math.Max(RowHeight(issue.Message, IssueWidths[7]), RowHeight(issue.Hint ?? "", IssueWidths[8])),
                Math.Max(RowHeight(issue.Value ?? "", IssueWidths[4]), RowHeight(issue.Column ?? "", IssueWidths[3])));
            row++;
        }

        sheet.Range(1, 1, Math.Max(1, row - 1), IssueHeaders.Length).SetAutoFilter();
        sheet.SheetView.FreezeRows(1);
    }

    /// <summary>Text cell that stays text: "@" format, so identifiers are never turned into numbers.</summary>
    internal static void SetText(IXLCell cell, string text)
    {
        cell.Style.NumberFormat.Format = "@";
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    internal static double RowHeight(string text, double columnWidth) =>
        Template.MemberTemplateWriter.RowHeight(text, columnWidth);
}
