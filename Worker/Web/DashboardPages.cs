using System.Globalization;
using System.Text;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using static CleaNum.Worker.Web.Html;
using CleaNum.Core;

namespace CleaNum.Worker.Web;

/// <summary>The bodies of the dashboard's pages (French), from a <see cref="DashboardSnapshot"/>. Only what the member
/// reports and the annex already show: names, SIREN, files, states, issues; never CV contents or contact details.</summary>
internal static class DashboardPages
{
    public static string Overview(DashboardSnapshot s, RegionMap map, Func<string, string> link)
    {
        NetworkConsolidation n = s.Network;
        int expected = s.ExpectedMembers;
        int usable = s.UsableMembers;
        var html = new StringBuilder();
        html.Append("<h1>Vue d'ensemble</h1>\n<section class=\"cartes\">\n")
            .Append("<div class=\"carte\" id=\"avancement\"><h2>Dossiers utilisables</h2><p class=\"grand\">")
            .Append(E(usable)).Append(" / ").Append(E(expected)).Append("</p>")
            .Append("<progress max=\"").Append(expected).Append("\" value=\"").Append(Math.Min(usable, expected)).Append("\">")
            .Append(E(usable)).Append(" sur ").Append(E(expected)).Append("</progress>")
            .Append("<p>").Append(n.HasRoster ? "membres de la liste du réseau (reseau.xlsx) dont le dossier est valide ou avec avertissements" : "membres connus dont le dossier est valide ou avec avertissements (pas de reseau.xlsx)").Append("</p></div>\n");

        html.Append("<div class=\"carte\" id=\"etats\"><h2>Membres par état</h2><ul class=\"etats\">");
        foreach (MemberState state in Enum.GetValues<MemberState>())
        {
            html.Append("<li><span class=\"etat ").Append(StateClass(state)).Append("\">").Append(E(MemberStates.Label(state)))
                .Append("</span> <strong>").Append(E(n.CountByState(state))).Append("</strong></li>");
        }

        html.Append("</ul><p><a href=\"/membres\">Voir le tableau des membres</a></p></div>\n");

        html.Append("<div class=\"carte\" id=\"sites\"><h2>Sites</h2><p class=\"grand\">").Append(E(n.Establishments.Count)).Append("</p><p>")
            .Append(n.Establishments.Count is 0 or 1 ? "établissement" : "établissements").Append(" dans l'annexe, ")
            .Append(Plural(n.RegionsCovered.Count, "région couverte", "régions couvertes"))
            .Append(n.NationalCoverage ? " : couverture nationale" : $" ({E(n.MetropolitanRegionsMissing.Count)} régions métropolitaines sans site)")
            .Append("</p></div>\n");

        CvSample cv = n.CvSample;
        html.Append("<div class=\"carte\" id=\"cv\"><h2>Échantillon de CV</h2><p class=\"grand\">").Append(E(cv.SelectedCount)).Append(" / ").Append(E(cv.Required))
            .Append("</p><p>CV retenus sur ").Append(E(cv.Required)).Append(" requis, ").Append(Plural(cv.Available, "CV disponible", "CV disponibles"))
            .Append(cv.Insufficient ? " — <strong class=\"alerte\">échantillon insuffisant</strong>" : "").Append("</p>")
            .Append("<details><summary>Règle appliquée</summary><p class=\"discret\">").Append(E(cv.Rule)).Append("</p></details></div>\n");

        int days = s.Deadline.DayNumber - DateOnly.FromDateTime(Core.ParisTime.ToParis(s.TakenAt)).DayNumber;
        html.Append("<div class=\"carte\" id=\"echeance\"><h2>Date limite de dépôt</h2><p class=\"grand\">").Append(E(Date(s.Deadline))).Append("</p><p>")
            .Append(days switch { < 0 => "<strong class=\"alerte\">dépassée</strong>", 0 => "aujourd'hui", 1 => "demain", _ => $"dans {E(days)} jours" })
            .Append("</p></div>\n</section>\n");

        html.Append("<section id=\"carte-regions\"><h2>Régions couvertes</h2>\n<div class=\"carte-et-legende\">")
            .Append(map.Render(n)).Append("<div class=\"legende\"><p><span class=\"pastille couverte\"></span> au moins un site dans l'annexe")
            .Append(" <span class=\"pastille\"></span> aucun site</p><ul>");
        foreach (var group in n.Establishments.Where(e => e.RegionCode is not null).GroupBy(e => (e.RegionCode, e.RegionName)).OrderBy(g => g.Key.RegionName, StringComparer.Create(FrenchCulture.Instance, false)))
        {
            html.Append("<li><strong>").Append(E(group.Key.RegionName)).Append("</strong> : ").Append(Plural(group.Count(), "site", "sites")).Append("</li>");
        }

        html.Append("</ul></div></div></section>\n");
        html.Append("<section id=\"derniers\"><h2>Derniers événements</h2>").Append(EventsTable(s, link, 8))
            .Append("<p><a href=\"/evenements\">Tous les derniers événements</a></p></section>\n");
        return html.ToString();
    }

    public static string Members(DashboardSnapshot s)
    {
        var html = new StringBuilder();
        html.Append("<h1>Membres</h1>\n<p>").Append(Plural(s.Network.Members.Count, "membre", "membres"))
            .Append(". Cliquez sur un en-tête pour trier, sur un nom pour le détail.</p>\n")
            .Append("<table id=\"membres\" class=\"triable\">\n<thead><tr>")
            .Append("<th data-tri=\"texte\">Membre</th><th data-tri=\"texte\">SIREN</th><th data-tri=\"nombre\">État</th>")
            .Append("<th data-tri=\"texte\">Dernier fichier</th><th data-tri=\"texte\">Reçu le</th>")
            .Append("<th data-tri=\"nombre\">Erreurs</th><th data-tri=\"nombre\">Avertissements</th><th data-tri=\"texte\">Mandat</th>")
            .Append("<th data-tri=\"texte\">Dernier courriel</th>")
            .Append("</tr></thead>\n<tbody>\n");
        foreach (ConsolidatedMember m in s.Network.Members)
        {
            html.Append("<tr data-siren=\"").Append(E(m.Siren)).Append("\"><td><a href=\"/membres/").Append(Uri.EscapeDataString(m.Siren)).Append("\">")
                .Append(E(m.Name)).Append("</a></td><td>").Append(E(m.Siren)).Append("</td>")
                .Append("<td data-valeur=\"").Append((int)m.State).Append("\"><span class=\"etat ").Append(StateClass(m.State)).Append("\">")
                .Append(E(MemberStates.Label(m.State))).Append("</span></td>")
                .Append("<td>").Append(E(m.Latest?.FileName ?? "—")).Append("</td>")
                .Append("<td data-valeur=\"").Append(m.Latest is null ? "" : SortKey(m.Latest.ReceivedAtUtc)).Append("\">")
                .Append(m.Latest is null ? "—" : E(Html.DateTime(m.Latest.ReceivedAtUtc))).Append("</td>")
                .Append("<td class=\"nombre\">").Append(E(m.ErrorCount)).Append("</td><td class=\"nombre\">").Append(E(m.WarningCount)).Append("</td>")
                .Append("<td>").Append(E(Mandate(m.RosterEntry))).Append("</td>")
                .Append("<td>").Append(E(s.LastMailText(m.Siren))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        return html.ToString();
    }

    public static string Member(ConsolidatedMember m, IReadOnlyList<Submission> versions, IReadOnlyList<AnnexFile> reports, Func<string, string> link)
    {
        var html = new StringBuilder();
        html.Append("<p><a href=\"/membres\">← Tous les membres</a></p>\n<h1>").Append(E(m.Name)).Append("</h1>\n")
            .Append("<p>SIREN ").Append(E(m.Siren)).Append(" · <span class=\"etat ").Append(StateClass(m.State)).Append("\" id=\"etat-membre\">")
            .Append(E(MemberStates.Label(m.State))).Append("</span> · mandat : ").Append(E(Mandate(m.RosterEntry))).Append("</p>\n");
        if (m.ExclusionReason is not null)
        {
            html.Append("<p class=\"alerte\">Hors de l'annexe : ").Append(E(m.ExclusionReason)).Append(".</p>\n");
        }

        if (m.UsesOlderVersion)
        {
            html.Append("<p>Le dernier fichier a été refusé : l'annexe utilise la version ").Append(m.Current!.Version).Append(" (« ")
                .Append(E(m.Current.FileName)).Append(" »).</p>\n");
        }

        html.Append("<section id=\"anomalies\"><h2>Anomalies</h2>\n");
        if (m.Issues.Count == 0)
        {
            html.Append("<p>Aucune anomalie.</p>\n");
        }
        else
        {
            html.Append("<p>").Append(Plural(m.ErrorCount, "erreur", "erreurs")).Append(", ").Append(Plural(m.WarningCount, "avertissement", "avertissements"))
                .Append(m.IssuesFile is null ? "" : $" — fichier « {E(m.IssuesFile)} »").Append(".</p>\n")
                .Append("<table id=\"anomalies-membre\">\n<thead><tr><th>Gravité</th><th>Onglet</th><th>Cellule</th><th>Colonne</th><th>Valeur lue</th>")
                .Append("<th>Anomalie</th><th>Que faire</th><th>Code</th></tr></thead>\n<tbody>\n");
            foreach (Issue issue in m.Issues)
            {
                html.Append("<tr class=\"").Append(issue.Severity == Severity.Error ? "ligne-erreur" : "ligne-avertissement").Append("\"><td>")
                    .Append(issue.Severity == Severity.Error ? "Erreur" : "Avertissement").Append("</td><td>").Append(E(issue.Sheet ?? "—"))
                    .Append("</td><td>").Append(E(issue.CellAddress ?? (issue.Row is { } row ? $"ligne {row}" : "—")))
                    .Append("</td><td>").Append(E(issue.Column ?? "")).Append("</td><td>").Append(E(issue.Value ?? ""))
                    .Append("</td><td>").Append(E(issue.Message)).Append("</td><td>").Append(E(issue.Hint ?? ""))
                    .Append("</td><td><code>").Append(E(issue.Code)).Append("</code></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</section>\n<section id=\"rapports\"><h2>Rapports</h2>\n").Append(FileList(reports, link, "Aucun rapport pour ce membre.")).Append("</section>\n");
        html.Append("<section id=\"versions\"><h2>Versions reçues</h2>\n<table>\n<thead><tr><th>Version</th><th>Fichier</th><th>Reçu le</th><th>Statut</th>")
            .Append("<th>Erreurs</th><th>Avertissements</th></tr></thead>\n<tbody>\n");
        foreach (Submission v in versions.OrderByDescending(v => v.Version))
        {
            html.Append("<tr><td>").Append(v.Version).Append("</td><td>").Append(E(v.FileName)).Append("</td><td>").Append(E(Html.DateTime(v.ReceivedAtUtc)))
                .Append("</td><td>").Append(E(StatusLabel(v.Status))).Append("</td><td class=\"nombre\">").Append(E(v.Issues.Count(i => i.Severity == Severity.Error)))
                .Append("</td><td class=\"nombre\">").Append(E(v.Issues.Count(i => i.Severity == Severity.Warning))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
        return html.ToString();
    }

    public static string Annex(DashboardSnapshot s, string antiforgeryField, string antiforgeryToken, bool requested, Func<string, string> link)
    {
        var html = new StringBuilder();
        html.Append("<h1>Annexe</h1>\n<form method=\"post\" action=\"/annexe/consolider\" id=\"consolider\">")
            .Append("<input type=\"hidden\" name=\"").Append(E(antiforgeryField)).Append("\" value=\"").Append(E(antiforgeryToken)).Append("\">")
            .Append("<button type=\"submit\">Consolider maintenant</button> ")
            .Append("<span>construit l'annexe PJ1 et le classeur d'état du réseau avec les dossiers reçus à cette heure.</span></form>\n");
        if (requested)
        {
            html.Append("<p class=\"info\" id=\"demande\">Consolidation demandée : les fichiers apparaîtront ci-dessous dans quelques secondes.</p>\n");
        }

        html.Append("<section id=\"fichiers-annexe\"><h2>Fichiers de l'annexe</h2>\n").Append(FileList(s.Annex, link, "Aucune annexe pour l'instant : appuyez sur « Consolider maintenant ».")).Append("</section>\n");
        IReadOnlyList<NetworkIssue> issues = s.Network.NetworkIssues;
        html.Append("<section id=\"reseau\"><h2>Points à régler au niveau du réseau</h2>\n");
        if (issues.Count == 0)
        {
            html.Append("<p>Aucun.</p>\n");
        }
        else
        {
            html.Append("<ul>");
            foreach (NetworkIssue issue in issues)
            {
                html.Append("<li class=\"").Append(issue.Issue.Severity == Severity.Error ? "ligne-erreur" : "ligne-avertissement").Append("\">")
                    .Append(issue.MemberName is null ? "" : $"<strong>{E(issue.MemberName)}</strong> : ").Append(E(issue.Issue.Message))
                    .Append(" <code>").Append(E(issue.Issue.Code)).Append("</code></li>");
            }

            html.Append("</ul>\n");
        }

        return html.Append("</section>\n").ToString();
    }

    public static string Events(DashboardSnapshot s, Func<string, string> link) =>
        "<h1>Derniers événements</h1>\n" + EventsTable(s, link, DashboardQueries.RecentCount);

    public static string SignIn(string antiforgeryField, string antiforgeryToken, string? message, string? returnUrl) =>
        "<h1>Connexion</h1>\n<p>Ce tableau de bord est protégé par un mot de passe.</p>\n"
        + (message is null ? "" : $"<p class=\"alerte\" id=\"message\">{E(message)}</p>\n")
        + "<form method=\"post\" action=\"/connexion\" id=\"connexion\">"
        + $"<input type=\"hidden\" name=\"{E(antiforgeryField)}\" value=\"{E(antiforgeryToken)}\">"
        + $"<input type=\"hidden\" name=\"retour\" value=\"{E(returnUrl ?? "/")}\">"
        + "<label for=\"motdepasse\">Mot de passe</label> <input type=\"password\" id=\"motdepasse\" name=\"motdepasse\" autocomplete=\"current-password\" required autofocus> "
        + "<button type=\"submit\">Se connecter</button></form>\n";

    public static string StateClass(MemberState state) => state switch
    {
        MemberState.Valid => "etat-valide",
        MemberState.WithWarnings => "etat-avertissements",
        MemberState.InError => "etat-erreur",
        _ => "etat-manquant",
    };

    public static string StatusLabel(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => "accepté",
        SubmissionStatus.AcceptedWithWarnings => "accepté avec avertissements",
        SubmissionStatus.Refused => "refusé",
        _ => "doublon",
    };

    private static string Mandate(RosterMember? entry) => entry switch
    {
        null => "—",
        { MandateReceived: true, MandateDate: { } date } => $"reçu le {Date(date)}",
        { MandateReceived: true } => "reçu",
        { MandateReceived: false } => "non reçu",
        _ => "non renseigné",
    };

    private static string FileList(IReadOnlyList<AnnexFile> files, Func<string, string> link, string none)
    {
        if (files.Count == 0)
        {
            return $"<p>{E(none)}</p>\n";
        }

        var html = new StringBuilder("<ul class=\"fichiers\">\n");
        foreach (AnnexFile f in files)
        {
            html.Append("<li><a href=\"").Append(E(link(f.FullPath))).Append("\" download>").Append(E(f.Name)).Append("</a> <span class=\"discret\">")
                .Append(E(Html.DateTime(f.WrittenAtUtc))).Append(" · ").Append(E(Size(f.Size))).Append("</span></li>\n");
        }

        return html.Append("</ul>\n").ToString();
    }

    /// <summary>Files received (from the store) and annex files written (from <c>annexe/</c>), newest first.</summary>
    private static string EventsTable(DashboardSnapshot s, Func<string, string> link, int count)
    {
        var events = s.Recent.Select(r => (At: r.ReceivedAtUtc, Row: ReceivedRow(r)))
            .Concat(s.Annex.Select(a => (At: a.WrittenAtUtc, Row: AnnexRow(a, link))))
            .OrderByDescending(e => e.At).Take(count).ToList();
        if (events.Count == 0)
        {
            return "<p>Rien reçu pour l'instant : les fichiers déposés dans depot/ apparaîtront ici.</p>\n";
        }

        var html = new StringBuilder("<table class=\"evenements\">\n<thead><tr><th>Quand</th><th>Quoi</th><th>Détail</th></tr></thead>\n<tbody>\n");
        foreach (var e in events)
        {
            html.Append("<tr><td>").Append(E(Html.DateTime(e.At))).Append("</td>").Append(e.Row).Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    private static string ReceivedRow(Submission r)
    {
        int errors = r.Issues.Count(i => i.Severity == Severity.Error);
        int warnings = r.Issues.Count(i => i.Severity == Severity.Warning);
        string who = r.Siren is null
            ? E(r.MemberName ?? "membre non identifié")
            : $"<a href=\"/membres/{Uri.EscapeDataString(r.Siren)}\">{E(r.MemberName ?? r.Siren)}</a>";
        string css = r.Status == SubmissionStatus.Refused ? "etat-erreur" : r.Status == SubmissionStatus.AcceptedWithWarnings ? "etat-avertissements" : "etat-valide";
        return $"<td>Fichier reçu : « {E(r.FileName)} » ({who})</td><td><span class=\"etat {css}\">{E(StatusLabel(r.Status))}</span> "
            + $"{Plural(errors, "erreur", "erreurs")}, {Plural(warnings, "avertissement", "avertissements")}</td>";
    }

    private static string AnnexRow(AnnexFile a, Func<string, string> link) =>
        $"<td>Fichier écrit dans l'annexe : <a href=\"{E(link(a.FullPath))}\" download>{E(a.Name)}</a></td><td>{E(Size(a.Size))}</td>";
}
