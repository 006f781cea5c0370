using System.Globalization;
using CleaNum.Core;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;

namespace CleaNum.Export.Annex;

/// <summary>
/// The French wording of the dossier, shared by PJ1 (the workbook) and PJ2/PJ3 (the Word attachments) so that the three
/// never disagree: every label, count and sentence that appears in more than one of them is built here, from the same
/// <see cref="NetworkConsolidation"/>.
/// </summary>
internal static class DossierText
{
    private static readonly CultureInfo French = FrenchText.Culture;

    /// <summary>The form's wording of the four domains (référentiel CléA numérique).</summary>
    public static string DomainName(CleaDomain domain) => domain switch
    {
        CleaDomain.Environment => "Identifier son environnement et utiliser les outils associés",
        CleaDomain.Information => "Acquérir et exploiter de l'information dans un environnement professionnel numérisé",
        CleaDomain.Collaboration => "Interagir en mode collaboratif",
        CleaDomain.Security => "Appliquer les règles et bonnes pratiques de la sécurité numérique",
        _ => ((int)domain).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>"1, 2, 4".</summary>
    public static string DomainNumbers(IReadOnlyList<CleaDomain> domains) =>
        string.Join(", ", domains.Order().Select(d => ((int)d).ToString(CultureInfo.InvariantCulture)));

    /// <summary>"1. Identifier son environnement… ; 4. Appliquer les règles…".</summary>
    public static string DomainsNamed(IReadOnlyList<CleaDomain> domains) =>
        string.Join(" ; ", domains.Order().Select(d => $"{(int)d}. {DomainName(d)}"));

    public static string RoleLabel(IntervenantRole role) => role switch
    {
        IntervenantRole.Evaluator => "Évaluateur",
        IntervenantRole.Trainer => "Formateur",
        IntervenantRole.Both => "Évaluateur et formateur",
        _ => "",
    };

    /// <summary>The role, and the role the CV fills in the sample when it is narrower ("Évaluateur et formateur
    /// (retenu comme évaluateur)").</summary>
    public static string SampledRole(SampledCv cv) =>
        cv.CountedAs == cv.Person.Role || cv.CountedAs == IntervenantRole.None
            ? RoleLabel(cv.Person.Role)
            : $"{RoleLabel(cv.Person.Role)} (retenu comme {RoleLabel(cv.CountedAs).ToLower(French)})";

    public static string PersonName(Intervenant p) => $"{p.FirstName} {p.LastName}".Trim();

    /// <summary>"ACME Formation (SIREN 732 829 320)".</summary>
    public static string MemberWithSiren(string name, string? siren) =>
        string.IsNullOrWhiteSpace(siren) ? name : $"{name} (SIREN {FrenchText.FormatSiren(siren)})";

    public static string YesNo(bool? value) => value switch
    {
        true => "Oui",
        false => "Non",
        null => "Non renseigné",
    };

    /// <summary>"3 évaluateurs, 5 formateurs".</summary>
    public static string HumanResources(MemberOrganisation o)
    {
        int evaluators = o.EvaluatorCount ?? 0;
        int trainers = o.TrainerCount ?? 0;
        return $"{evaluators} évaluateur{(evaluators > 1 ? "s" : "")}, {trainers} formateur{(trainers > 1 ? "s" : "")}";
    }

    /// <summary>The member's own summary when given, else its references listed ("Client (année) ; …", at most 10).</summary>
    public static string ReferencesSummary(MemberData data)
    {
        if (!string.IsNullOrWhiteSpace(data.Organisation.ReferencesSummary))
        {
            return data.Organisation.ReferencesSummary.Trim();
        }

        var items = data.References
            .OrderBy(r => r.Row)
            .Select(r => string.Join(" ", new[] { r.Client, r.Year?.ToString(CultureInfo.InvariantCulture) is { } y ? $"({y})" : null }
                .Where(s => !string.IsNullOrWhiteSpace(s))))
            .Where(s => s.Length > 0)
            .ToList();
        string text = string.Join(" ; ", items.Take(10));
        return items.Count > 10 ? $"{text} ; … ({items.Count} références, voir la feuille « Références »)" : text;
    }

    /// <summary>« OUI » when every metropolitan région has a site.</summary>
    public static string NationalCoverage(NetworkConsolidation c) => c.NationalCoverage ? "OUI" : "NON";

    /// <summary>« OUI » when the network covers one or more régions without covering them all.</summary>
    public static string RegionalCoverage(NetworkConsolidation c) => c.RegionalCoverage ? "OUI" : "NON";

    /// <summary>"Grand Est ; Hauts-de-France", or « aucune ».</summary>
    public static string RegionsConcerned(NetworkConsolidation c) =>
        c.RegionsCovered.Count == 0 ? "aucune" : string.Join(" ; ", c.RegionsCovered.Select(r => r.Name));

    public static string MissingRegions(NetworkConsolidation c) =>
        string.Join(" ; ", c.MetropolitanRegionsMissing.Select(r => r.Name));

    /// <summary>"12 candidats × 300 € HT + 31 sites × 150 € HT = 8 250 € HT".</summary>
    public static string FeeLine(NetworkConsolidation c) => c.Fees.Formula;

    /// <summary>Candidates × fee per candidate + sites × fee per site (€ HT).</summary>
    public static decimal FeeTotal(NetworkConsolidation c) => c.Fees.Total;

    /// <summary>"8 250 € HT" (French digit grouping).</summary>
    public static string Euros(decimal amount) =>
        amount.ToString(amount == decimal.Truncate(amount) ? "#,##0" : "#,##0.00", French) + " € HT";

    /// <summary>Whether the head has its own CléA numérique activity, in words.</summary>
    public static string HeadActivity(NetworkConsolidation c) => c.HeadCleaActivity switch
    {
        true => "Oui : la tête de réseau est elle-même candidate",
        false => "Non",
        null => c.HasRoster ? "Non renseigné dans reseau.xlsx" : "Non renseigné (pas de liste du réseau)",
    };

    /// <summary>"3 évaluateurs, 5 formateurs" for the whole network.</summary>
    public static string Count(int n, string singular, string plural) => $"{n} {(n > 1 ? plural : singular)}";

    /// <summary>"Membre sans fichier" — the French title of a code (never the code itself as a label).</summary>
    public static string IssueTitle(Issue issue) =>
        IssueCatalog.Definitions.TryGetValue(issue.Code, out IssueDefinition? definition) ? definition.Title : FrenchText.SeverityLabel(issue.Severity);

    /// <summary>The network issue's message, prefixed with the member when the message does not already name it.</summary>
    public static string NetworkIssueText(NetworkIssue issue)
    {
        string message = issue.Issue.Message;
        if (issue.Siren is null)
        {
            return message;
        }

        bool named = (issue.MemberName is { Length: > 0 } name && message.Contains(name, StringComparison.OrdinalIgnoreCase))
            || message.Contains(FrenchText.FormatSiren(issue.Siren), StringComparison.Ordinal)
            || message.Contains(issue.Siren, StringComparison.Ordinal);
        return named ? message : $"{MemberWithSiren(issue.MemberName ?? "", issue.Siren)} : {message}";
    }

    /// <summary>"Oui, le 12/03/2025" / "Non" / "Non renseigné" / "Pas de liste du réseau".</summary>
    public static string Mandate(ConsolidatedMember m, bool hasRoster)
    {
        if (m.RosterEntry is null)
        {
            return hasRoster ? "Absent de la liste du réseau" : "Pas de liste du réseau";
        }

        return m.MandateReceived switch
        {
            true when m.MandateDate is { } date => $"Oui, le {Date(date)}",
            true => "Oui",
            false => "Non",
            null => "Non renseigné",
        };
    }

    /// <summary>"Oui — certificat n° 12345, AFNOR Certification, expire le 31/12/2026".</summary>
    public static string Qualiopi(QualiopiCertification? q)
    {
        if (q is null)
        {
            return "";
        }

        var details = new List<string>();
        if (!string.IsNullOrWhiteSpace(q.Certificate))
        {
            details.Add($"certificat n° {q.Certificate.Trim()}");
        }

        if (!string.IsNullOrWhiteSpace(q.Certifier))
        {
            details.Add(q.Certifier.Trim());
        }

        if (q.Expiry is { } expiry)
        {
            details.Add($"expire le {Date(expiry)}");
        }

        return details.Count == 0 ? YesNo(q.Certified) : $"{YesNo(q.Certified)} — {string.Join(", ", details)}";
    }

    /// <summary>Form 1.3, one line per item: first request, then CléA, CléA numérique, CléA management with periods.</summary>
    public static IReadOnlyList<string> HistoryLines(HabilitationHistory? h)
    {
        if (h is null)
        {
            return [];
        }

        return
        [
            $"Première demande CléA numérique : {YesNo(h.FirstCleaNumeriqueRequest)}",
            $"CléA : {Habilitation(h.Clea, h.CleaPeriod)}",
            $"CléA numérique : {Habilitation(h.CleaNumerique, h.CleaNumeriquePeriod)}",
            $"CléA management : {Habilitation(h.CleaManagement, h.CleaManagementPeriod)}",
        ];

        static string Habilitation(bool? habilitated, string? period) =>
            habilitated == true && !string.IsNullOrWhiteSpace(period) ? $"Oui ({period.Trim()})" : YesNo(habilitated);
    }

    /// <summary>"2023–2025" (or one year) of the 3.2 key figures.</summary>
    public static string Period(NetworkConsolidation c) => c.ActivityByYear.Count switch
    {
        0 => "",
        1 => c.ActivityByYear[0].Year.ToString(CultureInfo.InvariantCulture),
        _ => $"{c.ActivityByYear[0].Year.ToString(CultureInfo.InvariantCulture)}–{c.ActivityByYear[^1].Year.ToString(CultureInfo.InvariantCulture)}",
    };

    /// <summary>"24/11/2025 à 00:30", Paris time.</summary>
    public static string Generated(DateTimeOffset generatedAt) => FrenchText.DateTimeText(ParisTime.ToParis(generatedAt));

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Received(DateTime utc) => ParisTime.ToParis(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
