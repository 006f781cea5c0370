using CleaNum.Core;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using CleaNum.Export.Spreadsheet;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging;

namespace CleaNum.Export.Reports;

/// <summary>
/// Writes the member's report (<c>Synthese</c> + <c>Anomalies</c>) and, for an .xlsx/.xlsm input that could be read,
/// an annotated copy of the member's own workbook. Refused files (no data) still get a report. The report is streamed
/// with <see cref="SpreadsheetWriter"/> (ClosedXML costs several milliseconds per report); the annotated copy, which
/// edits the member's own workbook, still uses ClosedXML.
/// </summary>
internal sealed class MemberReportWriter(ILogger<MemberReportWriter> logger) : IMemberReportWriter
{
    public const string SummarySheetName = "Synthese";
    public const string IssuesSheetName = "Anomalies";

    internal static readonly string[] IssueHeaders =
        ["Feuille", "Cellule", "Ligne", "Colonne", "Valeur", "Gravité", "Code", "Message", "Correction suggérée"];

    private static readonly double[] IssueWidths = [16, 9, 7, 24, 22, 15, 26, 60, 50];

    internal const string SummaryTitle = "Rapport de contrôle CleaNum — dossier CléA numérique";
    internal const string NextStepsHeading = "Que faire maintenant ?";

    private static readonly SheetColumn[] SummaryColumns = [new("Rubrique", 30), new("Valeur", 95)];

    /// <summary>Fills of the annotated copy (ClosedXML); the report uses the same colours through
    /// <see cref="CellStyle.ErrorText"/> and <see cref="CellStyle.WarningText"/>.</summary>
    internal static readonly XLColor ErrorFill = XLColor.FromHtml("#FFC7CE");
    internal static readonly XLColor WarningFill = XLColor.FromHtml("#FFEB9C");

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

        SpreadsheetWriter.WriteAtomically(reportPath,
        [
            new SheetSpec(SummarySheetName, SummaryColumns, SummaryRows(request, issues)),
            new SheetSpec(IssuesSheetName, IssueColumns(), IssueRows(issues)),
        ]);

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

    /// <summary><c>Synthese</c> as a two-column table (Rubrique · Valeur): title, file, dates, member, version, state,
    /// counts by severity, then the "Que faire maintenant ?" paragraphs, one a row.</summary>
    private static List<XCell[]> SummaryRows(MemberReportRequest request, IReadOnlyList<Issue> issues)
    {
        Submission submission = request.Submission;
        int errors = issues.Count(i => i.Severity == Severity.Error);
        int warnings = issues.Count(i => i.Severity == Severity.Warning);
        int infos = issues.Count(i => i.Severity == Severity.Info);
        string memberName = submission.MemberName ?? submission.Data?.Organisation.Name ?? "";

        static XCell[] Field(string label, string text, CellStyle style = CellStyle.WrapText) =>
            [XCell.Str(label, CellStyle.Bold), XCell.Str(text, style)];

        // Counts sit at the left of the value column, as every other value of the summary does.
        static XCell[] Count(string label, int count, CellStyle style = CellStyle.LeftInteger) =>
            [XCell.Str(label, CellStyle.Bold), XCell.Num(count, style)];

        List<XCell[]> rows =
        [
            [XCell.Str("Rapport", CellStyle.Bold), XCell.Str(SummaryTitle, CellStyle.Bold)],
            Field("Fichier reçu", submission.FileName),
            Field("Reçu le", FrenchText.DateTimeText(ParisTime.ToParis(submission.ReceivedAtUtc))),
            Field("Rapport établi le", FrenchText.DateTimeText(ParisTime.ToParis(request.GeneratedAt))),
            Field("Organisme", memberName.Length > 0 ? memberName : "(non identifié)"),
            Field("SIREN", submission.Siren is { Length: > 0 } siren ? FrenchText.FormatSiren(siren) : "(non identifié)"),
            Field("Version", submission.Version > 0 ? submission.Version.ToString(FrenchText.Culture) : "non attribuée"),
            Field("État", submission.Status == SubmissionStatus.Duplicate && errors > 0
                ? "Toujours refusé (doublon d'un fichier refusé)"
                : FrenchText.StatusLabel(submission.Status), submission.Status switch
            {
                SubmissionStatus.Duplicate when errors > 0 => CellStyle.ErrorText,
                SubmissionStatus.Accepted => CellStyle.OkText,
                SubmissionStatus.AcceptedWithWarnings => CellStyle.WarningText,
                SubmissionStatus.Refused => CellStyle.ErrorText,
                _ => CellStyle.WrapText,
            }),
            Count("Erreurs", errors, errors > 0 ? CellStyle.LeftErrorNumber : CellStyle.LeftInteger),
            Count("Avertissements", warnings),
            Count("Informations", infos),
        ];

        string heading = NextStepsHeading;
        foreach (string paragraph in NextSteps(submission, issues, errors, warnings))
        {
            rows.Add([XCell.Str(heading, CellStyle.Bold), XCell.Str(paragraph, CellStyle.WrapText)]);
            heading = "";
        }

        return rows;
    }

    /// <summary>Plain-French guidance tailored to the outcome.</summary>
    internal static IReadOnlyList<string> NextSteps(Submission submission, IReadOnlyList<Issue> issues, int errors, int warnings)
    {
        if (submission.Status == SubmissionStatus.Duplicate && errors > 0)
        {
            return
            [
                $"Votre fichier est toujours refusé : il est identique, octet pour octet, à un fichier déjà reçu et refusé. "
                + $"{Plural(errors, "erreur bloquante reste", "erreurs bloquantes restent")} à corriger (rappelées dans "
                + "l'onglet « Anomalies », comme dans le rapport du premier envoi).",
                "Corrigez-les, enregistrez le classeur, puis déposez de nouveau le fichier complet. Tant qu'elles ne sont pas "
                + "corrigées, vos informations ne peuvent pas figurer dans le dossier du réseau.",
            ];
        }

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

    private static SheetColumn[] IssueColumns() =>
        [.. IssueHeaders.Select((header, c) => new SheetColumn(header, IssueWidths[c]))];

    /// <summary>One row per issue, every text cell kept as text ("@"); error lines red, warning lines orange.</summary>
    private static IEnumerable<XCell[]> IssueRows(IReadOnlyList<Issue> issues)
    {
        foreach (Issue issue in issues)
        {
            (CellStyle text, CellStyle number) = issue.Severity switch
            {
                Severity.Error => (CellStyle.ErrorText, CellStyle.ErrorNumber),
                Severity.Warning => (CellStyle.WarningText, CellStyle.WarningNumber),
                _ => (CellStyle.WrapText, CellStyle.CenteredNumber),
            };
            yield return
            [
                XCell.Str(issue.Sheet ?? "(général)", text),
                XCell.Str(IssueOrder.CellReference(issue) ?? "", text),
                issue.Row is int excelRow ? XCell.Num(excelRow, number) : XCell.Str(null, number),
                XCell.Str(issue.Column ?? "", text),
                XCell.Str(issue.Value ?? "", text),
                XCell.Str(FrenchText.SeverityLabel(issue.Severity), text),
                XCell.Str(issue.Code, text),
                XCell.Str(issue.Message, text),
                XCell.Str(issue.Hint ?? "", text),
            ];
        }
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
