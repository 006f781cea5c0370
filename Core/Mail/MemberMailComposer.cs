using System.Globalization;
using System.Net;
using System.Text;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Core.Mail;

/// <summary>
/// The French messages to members: subject « CléA numérique – &lt;Membre&gt; : &lt;état&gt; », a text body and the same
/// body in HTML (every value HTML-encoded). Subjects hold no line break whatever the member typed in its file.
/// </summary>
public static class MemberMailComposer
{
    public const int IssuesShown = 5;

    private static readonly CultureInfo French = FrenchCulture.Instance;

    /// <summary>The state word of the subject.</summary>
    public static string StateWord(ReportMailFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        int errors = facts.Issues.Count(i => i.Severity == Severity.Error);
        return facts.Kind == MailKind.Duplicate
            ? facts.Status == SubmissionStatus.Refused ? "toujours refusé" : "doublon, déjà reçu"
            : facts.Status == SubmissionStatus.Refused || errors > 0 ? "refusé"
            : facts.Issues.Any(i => i.Severity == Severity.Warning) ? "accepté avec avertissements"
            : "accepté";
    }

    public static MailContent Report(ReportMailFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        int errors = facts.Issues.Count(i => i.Severity == Severity.Error);
        int warnings = facts.Issues.Count(i => i.Severity == Severity.Warning);
        string state = StateWord(facts);
        var body = new Body();
        body.Paragraph("Bonjour,");
        body.Paragraph(Opening(facts, state));
        body.Facts(
        [
            ("Organisme", facts.Siren is null ? facts.MemberName : $"{facts.MemberName} (SIREN {facts.Siren})"),
            ("Fichier", facts.FileName),
            ("Reçu le", When(facts.ReceivedAtUtc)),
            ("État", state),
            ("Erreurs", errors.ToString(French)),
            ("Avertissements", warnings.ToString(French)),
        ]);

        List<Issue> shown = [.. facts.Issues.Where(i => i.Severity != Severity.Info).Take(IssuesShown)];
        if (shown.Count > 0)
        {
            int more = facts.Issues.Count(i => i.Severity != Severity.Info) - shown.Count;
            body.List(
                errors > 0 ? "Premières anomalies :" : "Points à vérifier :",
                [.. shown.Select(Line)],
                more > 0 ? $"… et {Plural(more, "autre anomalie", "autres anomalies")} : voir le rapport joint." : null);
        }

        body.Heading("Que faire ?");
        foreach (string step in WhatToDo(facts, errors, warnings))
        {
            body.Paragraph(step);
        }

        body.Paragraph(Attachments(facts.AttachmentNames));
        body.Paragraph(Signature(facts.HeadName));
        return new MailContent(Subject(facts.MemberName, state), body.Text(), body.Html());
    }

    public static MailContent Reminder(ReminderFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var body = new Body();
        body.Paragraph("Bonjour,");
        string state;
        if (facts.Reason == ReminderReason.NothingReceived)
        {
            state = "dossier attendu";
            body.Paragraph($"Sauf erreur de notre part, nous n'avons pas encore reçu le classeur de votre organisme pour le "
                + $"dossier CléA numérique porté par {facts.HeadName}.");
            body.Heading("Que faire ?");
            body.Paragraph($"Remplissez le classeur modèle que vous a transmis votre tête de réseau et envoyez-le avant le "
                + $"{Day(facts.Deadline)}. Sans lui, votre organisme ne pourra pas figurer dans le dossier du réseau.");
        }
        else
        {
            state = "dossier toujours refusé";
            string file = facts.LatestFileName is null ? "Votre dernier fichier" : $"Votre dernier fichier « {facts.LatestFileName} »";
            string received = facts.LatestReceivedAtUtc is { } at ? $", reçu le {When(at)}," : "";
            string errors = facts.ErrorCount > 0 ? $" ({Plural(facts.ErrorCount, "erreur bloquante", "erreurs bloquantes")})" : "";
            body.Paragraph($"{file}{received} a été refusé{errors} et nous n'avons pas reçu de version corrigée.");
            body.Heading("Que faire ?");
            string report = facts.ReportName is null ? "le rapport de contrôle que vous avez reçu" : $"le rapport « {facts.ReportName} » que vous avez reçu";
            body.Paragraph($"Corrigez les anomalies listées dans {report}, puis envoyez de nouveau le fichier complet avant le "
                + $"{Day(facts.Deadline)}. Tant qu'elles ne sont pas corrigées, votre organisme ne peut pas figurer dans le "
                + "dossier du réseau.");
        }

        body.Paragraph(Signature(facts.HeadName));
        return new MailContent(Subject(facts.MemberName, state), body.Text(), body.Html());
    }

    /// <summary>« CléA numérique – &lt;Membre&gt; : &lt;état&gt; », control characters (line breaks) replaced by spaces.</summary>
    public static string Subject(string memberName, string state) =>
        OneLine($"CléA numérique – {memberName} : {state}");

    private static string Opening(ReportMailFacts facts, string state) => facts.Kind switch
    {
        MailKind.Reissue =>
            $"Votre dossier CléA numérique (porté par {facts.HeadName}) a été contrôlé de nouveau : la liste des membres "
            + $"du réseau a changé, et avec elle le résultat du contrôle de votre fichier « {facts.FileName} ». Voici le "
            + $"rapport à jour : votre fichier est {state}.",
        MailKind.Duplicate when facts.Status == SubmissionStatus.Refused =>
            $"Vous avez envoyé de nouveau le fichier « {facts.FileName} », identique octet pour octet à un fichier déjà reçu "
            + $"et refusé : il est toujours refusé. Voir le rapport du {FirstReport(facts)} : il liste ce qui doit être corrigé.",
        MailKind.Duplicate =>
            $"Vous avez envoyé de nouveau le fichier « {facts.FileName} », identique octet pour octet à un fichier déjà reçu "
            + $"(voir le rapport du {FirstReport(facts)}) : il n'a pas été enregistré une seconde fois.",
        _ => $"Nous avons bien reçu votre fichier « {facts.FileName} » pour le dossier CléA numérique porté par "
            + $"{facts.HeadName}. Il a été contrôlé automatiquement : il est {state}.",
    };

    private static IEnumerable<string> WhatToDo(ReportMailFacts facts, int errors, int warnings)
    {
        string deadline = $"avant le {Day(facts.Deadline)}";
        if (facts.Kind == MailKind.Duplicate && facts.Status != SubmissionStatus.Refused)
        {
            yield return "Vous n'avez rien à faire. Si vous pensiez envoyer une version corrigée, vérifiez que vos "
                + "modifications ont bien été enregistrées avant d'envoyer le fichier de nouveau.";
            yield break;
        }

        if (!facts.HasData)
        {
            yield return "Votre fichier n'a pas pu être lu. Ouvrez-le dans Excel ou LibreOffice, enregistrez-le au format "
                + $"Classeur Excel (.xlsx), sans mot de passe, et envoyez-le de nouveau {deadline}. Le plus simple est de "
                + "repartir du modèle fourni par votre tête de réseau.";
            yield break;
        }

        if (errors > 0)
        {
            string listed = errors == 1 ? "l'erreur listée" : $"les {errors.ToString(French)} erreurs listées";
            yield return $"Corrigez {listed} dans l'onglet « Anomalies » du "
                + "rapport joint (la colonne « Correction suggérée » explique quoi faire ; dans la copie annotée, les "
                + "cellules en erreur sont en rouge).";
            yield return $"Envoyez ensuite de nouveau le fichier complet {deadline}. Tant que ces erreurs ne sont pas "
                + "corrigées, vos informations ne peuvent pas figurer dans le dossier du réseau.";
            yield break;
        }

        if (warnings > 0)
        {
            yield return "Votre fichier sera repris tel quel dans le dossier du réseau. Si vous le pouvez, vérifiez les "
                + $"points signalés (en orange) : s'il s'agit d'une erreur, corrigez-la et envoyez de nouveau le fichier {deadline}.";
            yield break;
        }

        yield return "Vous n'avez rien à faire.";
    }

    private static string Attachments(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "Le rapport de contrôle est disponible auprès de votre tête de réseau.",
        1 => $"Pièce jointe : le rapport de contrôle « {names[0]} ».",
        _ => $"Pièces jointes : le rapport de contrôle « {names[0]} » et une copie de votre fichier où les cellules à "
            + $"corriger sont surlignées, avec un commentaire (« {names[1]} »).",
    };

    private static string Signature(string headName) =>
        $"Ce message est envoyé automatiquement par CleaNum pour {headName}. Pour toute question, répondez à ce message.";

    private static string FirstReport(ReportMailFacts facts)
    {
        string date = facts.FirstReportAtUtc is { } at ? When(at) : When(facts.ReceivedAtUtc);
        return facts.FirstReportName is null ? date : $"{date} (« {facts.FirstReportName} »)";
    }

    private static string Line(Issue issue)
    {
        string where = issue.Sheet is null ? "" : issue.CellAddress is { } cell ? $"{issue.Sheet}, cellule {cell} : "
            : issue.Row is { } row ? $"{issue.Sheet}, ligne {row.ToString(French)} : " : $"{issue.Sheet} : ";
        string hint = string.IsNullOrWhiteSpace(issue.Hint) ? "" : $" ({issue.Hint})";
        string severity = issue.Severity == Severity.Error ? "erreur" : "avertissement";
        return OneLine($"[{severity}] {where}{issue.Message}{hint}");
    }

    private static string When(DateTime utc) =>
        ParisTime.ToParis(utc).ToString("dd/MM/yyyy 'à' HH:mm", CultureInfo.InvariantCulture);

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Plural(int count, string one, string many) => $"{count.ToString(French)} {(count > 1 ? many : one)}";

    private static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    /// <summary>Builds the text and HTML bodies side by side.</summary>
    private sealed class Body
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _html = new(
            "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif;font-size:14px\">");

        public void Paragraph(string text)
        {
            _text.Append(text).Append("\n\n");
            _html.Append("<p>").Append(WebUtility.HtmlEncode(text)).Append("</p>");
        }

        public void Heading(string text)
        {
            _text.Append(text).Append('\n');
            _html.Append("<h3>").Append(WebUtility.HtmlEncode(text)).Append("</h3>");
        }

        public void Facts(IReadOnlyList<(string Label, string Value)> facts)
        {
            _html.Append("<table style=\"border-collapse:collapse\">");
            foreach ((string label, string value) in facts)
            {
                _text.Append(label).Append(" : ").Append(value).Append('\n');
                _html.Append("<tr><th style=\"text-align:left;padding:2px 12px 2px 0\">").Append(WebUtility.HtmlEncode(label))
                    .Append("</th><td>").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>");
            }

            _text.Append('\n');
            _html.Append("</table>");
        }

        public void List(string title, IReadOnlyList<string> items, string? more)
        {
            _text.Append(title).Append('\n');
            _html.Append("<p>").Append(WebUtility.HtmlEncode(title)).Append("</p><ul>");
            foreach (string item in items)
            {
                _text.Append("- ").Append(item).Append('\n');
                _html.Append("<li>").Append(WebUtility.HtmlEncode(item)).Append("</li>");
            }

            _html.Append("</ul>");
            if (more is not null)
            {
                _text.Append(more).Append('\n');
                _html.Append("<p>").Append(WebUtility.HtmlEncode(more)).Append("</p>");
            }

            _text.Append('\n');
        }

        public string Text() => _text.ToString().TrimEnd() + "\n";

        public string Html() => _html + "</body></html>";
    }
}
