using CleaNum.Core;
using System.Globalization;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using CleaNum.Export.Spreadsheet;
using Microsoft.Extensions.Logging;

namespace CleaNum.Export.Annex;

/// <summary>
/// PJ1, the consolidated annex of annex.md: nine sheets in the order of annex.md, French names with their accents; header
/// row frozen and printed on every page; data cells top-aligned, long texts wrapped; A4 landscape at a readable scale
/// (never below 70 %); SIRET/SIREN/postal codes as text; explicit column widths. The wording shared with PJ2/PJ3 comes from
/// <see cref="DossierText"/>. Only the generation date depends on the clock; everything else follows the consolidation's
/// order, so the same data gives the same file (byte for byte, for the same generation time).
/// </summary>
internal sealed class AnnexWriter(ILogger<AnnexWriter> logger) : IAnnexWriter
{
    public const string SyntheseSheet = "Synthèse";
    public const string EstablishmentsSheet = "1.4 Établissements";
    public const string OrganisationsSheet = "4.3 Organismes du réseau";
    public const string MembersSheet = "Membres";
    public const string ActivitySheet = "3.2 Activité";
    public const string CvSheet = "CV";
    public const string ReferencesSheet = "Références";
    public const string AnomaliesSheet = "Anomalies";
    public const string VersionsSheet = "Versions";

    private static readonly CultureInfo French = FrenchText.Culture;

    /// <summary>The sheet names of PJ1, in order.</summary>
    public static IReadOnlyList<string> SheetNames { get; } =
        [SyntheseSheet, EstablishmentsSheet, OrganisationsSheet, MembersSheet, ActivitySheet, CvSheet, ReferencesSheet, AnomaliesSheet, VersionsSheet];

    /// <summary>The unaccented names earlier versions wrote ("Synthese", "1.4 Etablissements", …), which a reader of the
    /// annex must accept as well: the current name → the earlier one.</summary>
    public static IReadOnlyDictionary<string, string> EarlierSheetNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SyntheseSheet] = "Synthese",
        [EstablishmentsSheet] = "1.4 Etablissements",
        [OrganisationsSheet] = "4.3 Organismes du reseau",
        [ActivitySheet] = "3.2 Activite",
        [ReferencesSheet] = "References",
    };

    /// <summary>True when <paramref name="actual"/> is the sheet <paramref name="sheet"/> of this or an earlier version.</summary>
    public static bool IsSheet(string actual, string sheet) =>
        string.Equals(actual, sheet, StringComparison.Ordinal)
        || (EarlierSheetNames.TryGetValue(sheet, out string? earlier) && string.Equals(actual, earlier, StringComparison.Ordinal));

    public string Write(NetworkConsolidation consolidation, string outputFolder, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(consolidation);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        string path = Path.Combine(outputFolder, AnnexFileNames.Annex(consolidation.HeadName, generatedAt));
        SpreadsheetWriter.WriteAtomically(path, Sheets(consolidation, generatedAt));
        logger.AnnexWritten(path, consolidation.Establishments.Count, consolidation.CvSample.SelectedCount);
        return path;
    }

    internal static IReadOnlyList<SheetSpec> Sheets(NetworkConsolidation c, DateTimeOffset generatedAt) =>
    [
        new(SyntheseSheet, [new("Libellé", 52), new("Valeur", 70), new("Code", 22)], Synthese(c, generatedAt),
            Filter: false, Print: SheetPrint.Readable),
        Table(EstablishmentsSheet,
            [new("N°", 6), new("Raison sociale", 34), new("SIRET", 17), new("Adresse Code postal Ville", 50), new("Région", 26), new("SIREN du membre", 12)],
            Establishments(c)),
        Table(OrganisationsSheet,
            [
                new("N°", 6), new("Nom de l'organisme / SIREN", 28),
                new("Références de l'organisme en lien avec l'activité CléA numérique", 56),
                new("Ressources humaines mobilisées", 20),
                new("Spécificités de l'organisme sur la mise en œuvre du dispositif CléA numérique", 50),
            ],
            Organisations(c)),
        Table(MembersSheet,
            [
                new("SIREN", 11), new("Raison sociale", 26), new("NDA", 13), new("État", 13), new("Mandat reçu", 13),
                new("Qualiopi (n° de certificat, certificateur, date d'expiration)", 28),
                new("Historique (formulaire 1.3)", 34), new("Sites", 7), new("Évaluateurs", 11), new("Formateurs", 11),
            ],
            Members(c)),
        Table(ActivitySheet,
            [
                new("Organisme", 34), new("SIREN", 11), new("Année", 8), new("Dossiers inscrits", 12),
                new("Évaluations préalables", 13), new("Évaluations finales", 12), new("Personnes certifiées", 12),
            ],
            Activity(c)),
        Table(CvSheet,
            [
                new("N°", 5), new("Intervenant", 18), new("Organisme", 24), new("Rôle", 15), new("Statut", 12),
                new("Diplômes", 28), new("Expériences professionnelles", 36),
                new("Expériences professionnelles en évaluation ou en formation (domaines – description – année)", 44),
            ],
            Cvs(c)),
        Table(ReferencesSheet,
            [
                new("Organisme", 24), new("SIREN", 11), new("Année / client", 24), new("Contact", 20), new("Thème / sujet", 28),
                new("Publics concernés", 20), new("Date de la prestation", 12), new("Nombre de personnes évaluées", 11),
                new("Domaines CléA numérique couverts", 11), new("Secteurs", 16),
            ],
            References(c)),
        Table(AnomaliesSheet,
            [
                new("Organisme", 22), new("SIREN", 11), new("Fichier", 16), new("Feuille", 14), new("Ligne", 7),
                new("Colonne", 13), new("Valeur", 13), new("Gravité", 12), new("Code", 27), new("Message", 47),
            ],
            Anomalies(c)),
        Table(VersionsSheet,
            [
                new("Organisme", 26), new("SIREN", 11), new("Fichier", 26), new("Version", 8), new("SHA-256", 34),
                new("Reçu le", 16), new("Statut", 16), new("Remarque", 42),
            ],
            Versions(c)),
    ];

    private static SheetSpec Table(string name, IReadOnlyList<SheetColumn> columns, IEnumerable<XCell[]> rows) =>
        new(name, columns, rows, Filter: true, Print: SheetPrint.Readable);

    private static XCell[] Pair(string label, string? value) => [XCell.Str(label, CellStyle.Wrap), XCell.Str(value, CellStyle.Wrap)];

    private static XCell[] PairNumber(string label, double value, CellStyle style = CellStyle.LeftInteger) =>
        [XCell.Str(label, CellStyle.Wrap), XCell.Num(value, style)];

    private static XCell[] Title(string label) =>
        [XCell.Str(label, CellStyle.Section), XCell.Str(null, CellStyle.Section), XCell.Str(null, CellStyle.Section)];

    private static IEnumerable<XCell[]> Synthese(NetworkConsolidation c, DateTimeOffset generatedAt)
    {
        yield return Title("Dossier");
        yield return Pair("Tête de réseau", c.HeadName);
        if (!string.IsNullOrWhiteSpace(c.HeadSiren))
        {
            yield return [XCell.Str("SIREN de la tête de réseau", CellStyle.Wrap), XCell.Id(c.HeadSiren)];
        }

        yield return Pair("Activité CléA numérique propre de la tête de réseau", DossierText.HeadActivity(c));
        yield return [XCell.Str("Campagne", CellStyle.Wrap), XCell.Num(c.Campaign, CellStyle.LeftInteger)];
        yield return [XCell.Str("Date de génération", CellStyle.Wrap), XCell.Date(ParisTime.ToParis(generatedAt))];
        yield return Pair("Liste du réseau (reseau.xlsx)", c.HasRoster ? "présente" : "absente : membres manquants et mandats non contrôlés");

        yield return Title("Membres");
        yield return PairNumber("Membres connus", c.Members.Count);
        yield return PairNumber("Membres valides", c.CountByState(MemberState.Valid));
        yield return PairNumber("Membres avec avertissements", c.CountByState(MemberState.WithWarnings));
        yield return PairNumber("Membres en erreur", c.CountByState(MemberState.InError));
        yield return PairNumber("Membres manquants", c.CountByState(MemberState.Missing));
        yield return PairNumber("Membres retenus dans le dossier (tableaux 1.4 et 4.3)", c.IncludedMembers.Count());

        yield return Title("Formulaire 1.4 — Établissements et sites");
        yield return PairNumber("Nombre d'établissements et de sites", c.SiteCount);
        yield return Pair("Couverture nationale", DossierText.NationalCoverage(c));
        yield return Pair("Couverture régionale", DossierText.RegionalCoverage(c));
        yield return Pair("Régions concernées", DossierText.RegionsConcerned(c));
        if (!c.NationalCoverage)
        {
            yield return Pair("Régions métropolitaines sans site", DossierText.MissingRegions(c));
        }

        yield return Title("Formulaire 4.2 — Ressources humaines mobilisables");
        yield return PairNumber("Évaluateurs mobilisables", c.EvaluatorsMobilisable);
        yield return PairNumber("Formateurs mobilisables", c.TrainersMobilisable);

        yield return Title("Échantillon de CV (PJ2)");
        yield return PairNumber("Taille du réseau retenue pour la règle", c.NetworkSize);
        yield return Pair("Règle appliquée", c.CvSample.Rule);
        yield return PairNumber("CV requis", c.CvSample.Required);
        yield return PairNumber("CV retenus", c.CvSample.SelectedCount);

        yield return Title("Frais estimés (à confirmer par Certif Pro)");
        yield return PairNumber(c.HeadIsCandidate ? "Candidats (membres du dossier et tête de réseau)" : "Candidats (membres du dossier)", c.Fees.CandidateCount);
        yield return PairNumber("Sites et établissements", c.Fees.SiteCount);
        yield return Pair("Calcul", DossierText.FeeLine(c));
        yield return PairNumber("Total estimé (€ HT)", (double)DossierText.FeeTotal(c), CellStyle.LeftEuro);
        yield return Pair("Source",
            "Frais d'instruction par candidat (chaque SIREN membre du dossier, et la tête de réseau si elle a sa propre activité CléA numérique) "
            + "et frais par site ou établissement (entité dotée d'un SIRET ou d'une adresse postale distincte) : montants de la configuration de CleaNum, "
            + "d'après la grille tarifaire de Certif Pro.");

        var excluded = c.Members.Where(m => !m.Included).ToList();
        yield return Title($"Membres écartés des tableaux 1.4 et 4.3 ({excluded.Count})");
        foreach (ConsolidatedMember m in excluded)
        {
            yield return Pair(DossierText.MemberWithSiren(m.Name, m.Siren), $"{MemberStates.Label(m.State)} : {m.ExclusionReason}");
        }

        var older = c.Members.Where(m => m.UsesOlderVersion).ToList();
        if (older.Count > 0)
        {
            yield return Title($"Dernier fichier refusé : version antérieure utilisée ({older.Count})");
            foreach (ConsolidatedMember m in older)
            {
                yield return Pair(
                    DossierText.MemberWithSiren(m.Name, m.Siren),
                    $"« {m.Latest!.FileName} » (version {m.Latest.Version}) refusé ; le dossier reprend « {m.Current!.FileName} » (version {m.Current.Version}, reçu le {DossierText.Received(m.Current.ReceivedAtUtc)}).");
            }
        }

        yield return Title($"Anomalies au niveau du réseau ({c.NetworkIssues.Count})");
        foreach (NetworkIssue issue in c.NetworkIssues)
        {
            yield return
            [
                XCell.Str($"{DossierText.IssueTitle(issue.Issue)} ({FrenchText.SeverityLabel(issue.Issue.Severity).ToLower(French)})", CellStyle.Wrap),
                XCell.Str(DossierText.NetworkIssueText(issue), CellStyle.Wrap),
                XCell.Str(issue.Issue.Code),
            ];
        }
    }

    private static XCell Text(string? text) => XCell.Str(text, CellStyle.Wrap);

    private static XCell Number(int? value) => value is { } v ? XCell.Num(v) : XCell.Str(null);

    private static IEnumerable<XCell[]> Establishments(NetworkConsolidation c)
    {
        int n = 0;
        foreach (AnnexEstablishment e in c.Establishments)
        {
            yield return
            [
                XCell.Num(++n, CellStyle.CenteredNumber), Text(e.Name), XCell.Id(e.Siret), Text(e.AddressLine), Text(e.RegionName), XCell.Id(e.MemberSiren),
            ];
        }
    }

    private static IEnumerable<XCell[]> Organisations(NetworkConsolidation c)
    {
        int n = 0;
        foreach (ConsolidatedMember m in c.IncludedMembers)
        {
            MemberData data = m.Current!.Data!;
            yield return
            [
                XCell.Num(++n, CellStyle.CenteredNumber),
                XCell.Str($"{m.Name} / {FrenchText.FormatSiren(m.Siren)}", CellStyle.WrapText),
                Text(DossierText.ReferencesSummary(data)),
                Text(DossierText.HumanResources(data.Organisation)),
                Text(data.Organisation.Specificities),
            ];
        }
    }

    private static IEnumerable<XCell[]> Members(NetworkConsolidation c)
    {
        foreach (ConsolidatedMember m in c.Members)
        {
            yield return
            [
                XCell.Id(m.Siren),
                Text(m.Name),
                XCell.Id(m.Nda),
                Text(MemberStates.Label(m.State)),
                Text(DossierText.Mandate(m, c.HasRoster)),
                XCell.Str(DossierText.Qualiopi(m.Qualiopi), CellStyle.WrapText),
                Text(string.Join("\n", DossierText.HistoryLines(m.History))),
                m.Current is null ? XCell.Str(null) : XCell.Num(m.SiteCount),
                Number(m.EvaluatorCount),
                Number(m.TrainerCount),
            ];
        }
    }

    /// <summary>Form 3.2 « Chiffres clés »: per member and year, then the network per year and over the period.</summary>
    private static IEnumerable<XCell[]> Activity(NetworkConsolidation c)
    {
        foreach (MemberActivity a in c.Activity)
        {
            yield return [Text(a.MemberName), XCell.Id(a.MemberSiren), XCell.Num(a.Year, CellStyle.CenteredNumber), .. Figures(a.Figures)];
        }

        foreach (YearActivity y in c.ActivityByYear)
        {
            yield return [XCell.Str($"Total du réseau {y.Year.ToString(CultureInfo.InvariantCulture)}", CellStyle.Bold), XCell.Str(null), XCell.Num(y.Year, CellStyle.CenteredNumber), .. Figures(y.Figures)];
        }

        if (c.ActivityByYear.Count > 0)
        {
            yield return [XCell.Str($"Total du réseau sur la période {DossierText.Period(c)}", CellStyle.Bold), XCell.Str(null), XCell.Str(null), .. Figures(c.ActivityTotal)];
        }

        static XCell[] Figures(ActivityFigures f) =>
            [Number(f.Registered), Number(f.PriorEvaluations), Number(f.FinalEvaluations), Number(f.Certified)];
    }

    private static IEnumerable<XCell[]> Cvs(NetworkConsolidation c)
    {
        int n = 0;
        foreach (SampledCv cv in c.CvSample.Selected)
        {
            Intervenant p = cv.Person;
            string? region = cv.RegionCode is null ? null : Core.Geography.FrenchGeography.RegionByCode(cv.RegionCode)?.Name;
            yield return
            [
                XCell.Num(++n, CellStyle.CenteredNumber),
                Text(DossierText.PersonName(p)),
                XCell.Str(string.Join("\n", new[] { cv.MemberName, $"SIREN {FrenchText.FormatSiren(cv.MemberSiren)}", region }.Where(s => !string.IsNullOrEmpty(s))), CellStyle.WrapText),
                Text(DossierText.SampledRole(cv)),
                Text(p.Status ?? "Non renseigné"),
                Text(p.Diplomas),
                Text(p.ProfessionalExperience),
                Text(EvaluationExperience(p)),
            ];
        }
    }

    /// <summary>"Domaines : 1, 2 — {text} — Année : 2024", the parts that are known.</summary>
    internal static string EvaluationExperience(Intervenant p)
    {
        var parts = new List<string>();
        if (p.Domains.Count > 0)
        {
            parts.Add($"Domaines : {DossierText.DomainNumbers(p.Domains)}");
        }

        if (!string.IsNullOrWhiteSpace(p.EvaluationExperience))
        {
            parts.Add(p.EvaluationExperience.Trim());
        }

        if (p.Year is { } year)
        {
            parts.Add($"Année : {year.ToString(CultureInfo.InvariantCulture)}");
        }

        return string.Join(" — ", parts);
    }

    private static IEnumerable<XCell[]> References(NetworkConsolidation c)
    {
        foreach (AnnexReference a in c.References)
        {
            Reference r = a.Reference;
            string yearClient = string.Join(" — ", new[] { r.Year?.ToString(CultureInfo.InvariantCulture), r.Client }.Where(s => !string.IsNullOrWhiteSpace(s)));
            yield return
            [
                Text(a.MemberName),
                XCell.Id(a.MemberSiren),
                Text(yearClient),
                Text(r.ClientContact),
                Text(r.Topic ?? r.Description),
                Text(r.Publics),
                Text(r.ServiceDate),
                Number(r.PeopleEvaluated),
                Text(DossierText.DomainNumbers(r.Domains)),
                Text(r.Sectors),
            ];
        }
    }

    private static IEnumerable<XCell[]> Anomalies(NetworkConsolidation c)
    {
        foreach (ConsolidatedMember m in c.Members)
        {
            foreach (Issue i in m.Issues)
            {
                yield return IssueRow(m.Name, m.Siren, m.IssuesFile, i);
            }

            if (m.State == MemberState.Missing)
            {
                foreach (NetworkIssue ni in c.NetworkIssues.Where(x => x.Siren == m.Siren))
                {
                    yield return IssueRow(m.Name, m.Siren, null, ni.Issue);
                }
            }
        }

        foreach (NetworkIssue ni in c.NetworkIssues.Where(x => x.Siren is null))
        {
            yield return IssueRow("Réseau", null, null, ni.Issue);
        }
    }

    private static XCell[] IssueRow(string member, string? siren, string? file, Issue i) =>
    [
        Text(member),
        XCell.Id(siren),
        XCell.Str(file, CellStyle.WrapText),
        Text(i.Sheet),
        i.Row is { } row ? XCell.Num(row) : XCell.Str(null),
        Text(i.Column),
        XCell.Str(i.Value, CellStyle.WrapText),
        Text(FrenchText.SeverityLabel(i.Severity)),
        Text(i.Code),
        Text(i.Message),
    ];

    private static IEnumerable<XCell[]> Versions(NetworkConsolidation c)
    {
        foreach (ConsolidatedMember m in c.Members)
        {
            if (m.Current is { } s)
            {
                string note = m.UsesOlderVersion
                    ? $"Dernier fichier « {m.Latest!.FileName} » (version {m.Latest.Version}, reçu le {DossierText.Received(m.Latest.ReceivedAtUtc)}) refusé : version antérieure utilisée."
                    : m.Included ? "Version utilisée pour le dossier." : $"Non retenu : {m.ExclusionReason}.";
                yield return
                [
                    Text(m.Name), XCell.Id(m.Siren), XCell.Str(s.FileName, CellStyle.WrapText), XCell.Num(s.Version),
                    XCell.Str(s.Sha256, CellStyle.WrapText), Text(DossierText.Received(s.ReceivedAtUtc)),
                    Text(FrenchText.StatusLabel(s.Status)), Text(note),
                ];
            }
            else if (m.Latest is { } last)
            {
                yield return
                [
                    Text(m.Name), XCell.Id(m.Siren), XCell.Str(last.FileName, CellStyle.WrapText), XCell.Num(last.Version), XCell.Str(null),
                    Text(DossierText.Received(last.ReceivedAtUtc)), Text(FrenchText.StatusLabel(last.Status)),
                    Text("Aucune version acceptée : membre absent du dossier."),
                ];
            }
        }
    }
}
