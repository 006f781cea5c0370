using CleaNum.Core;
using System.Globalization;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using Microsoft.Extensions.Logging;

namespace CleaNum.Export.Annex;

/// <summary>
/// The consolidated annex of annex.md: sheets Synthese, 1.4 Etablissements, 4.3 Organismes du reseau, CV, References,
/// Anomalies, Versions, in that order; French labels; header row frozen with a filter; SIRET/SIREN/postal codes as text;
/// explicit column widths. Only the generation date depends on the clock; everything else follows the consolidation's
/// order, so the same data gives the same file (byte for byte, for the same generation time).
/// </summary>
internal sealed class AnnexWriter(ILogger<AnnexWriter> logger) : IAnnexWriter
{
    public const string SyntheseSheet = "Synthese";
    public const string EstablishmentsSheet = "1.4 Etablissements";
    public const string OrganisationsSheet = "4.3 Organismes du reseau";
    public const string CvSheet = "CV";
    public const string ReferencesSheet = "References";
    public const string AnomaliesSheet = "Anomalies";
    public const string VersionsSheet = "Versions";

    private static readonly CultureInfo French = FrenchText.Culture;

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
        new(SyntheseSheet, [new("Rubrique", 48), new("Valeur", 110)], Synthese(c, generatedAt)),
        new(EstablishmentsSheet,
            [new("N°", 7), new("Raison sociale", 42), new("SIRET", 17), new("Adresse Code postal Ville", 60), new("Région", 30), new("SIREN du membre", 14)],
            Establishments(c)),
        new(OrganisationsSheet,
            [
                new("N°", 7), new("Nom de l'organisme / SIREN", 42),
                new("Références de l'organisme en lien avec l'activité CléA numérique", 70),
                new("Ressources humaines mobilisées", 28), new("Spécificités de l'organisme", 60),
            ],
            Organisations(c)),
        new(CvSheet,
            [
                new("N°", 7), new("Intervenant", 30), new("Rôle", 24), new("Rôle dans l'échantillon", 24), new("Organisme", 36),
                new("SIREN", 12), new("Région", 26), new("Diplômes", 40), new("Expériences professionnelles", 50),
                new("Domaines CléA numérique", 16), new("Expériences en évaluation/formation", 60), new("Année", 8),
            ],
            Cvs(c)),
        new(ReferencesSheet,
            [
                new("Organisme", 36), new("SIREN", 12), new("Année", 8), new("Client", 32), new("Publics concernés", 32),
                new("Domaines CléA numérique couverts", 18), new("Nombre de personnes évaluées", 14), new("Secteurs", 24),
                new("Description", 60),
            ],
            References(c)),
        new(AnomaliesSheet,
            [
                new("Organisme", 36), new("SIREN", 12), new("Fichier", 30), new("Feuille", 16), new("Ligne", 8),
                new("Colonne", 22), new("Valeur", 22), new("Gravité", 14), new("Code", 26), new("Message", 90),
            ],
            Anomalies(c)),
        new(VersionsSheet,
            [
                new("Organisme", 36), new("SIREN", 12), new("Fichier", 36), new("Version", 9), new("SHA-256", 68),
                new("Reçu le", 18), new("Statut", 26), new("Remarque", 60),
            ],
            Versions(c)),
    ];

    private static XCell[] Pair(string label, string? value, CellStyle style = CellStyle.Default) =>
        [XCell.Str(label, style == CellStyle.Wrap ? CellStyle.Wrap : CellStyle.Default), XCell.Str(value, style)];

    private static XCell[] PairNumber(string label, double value, CellStyle style = CellStyle.Integer) =>
        [XCell.Str(label), XCell.Num(value, style)];

    private static XCell[] Title(string label) => [XCell.Str(label, CellStyle.Bold)];

    private static IEnumerable<XCell[]> Synthese(NetworkConsolidation c, DateTimeOffset generatedAt)
    {
        yield return Pair("Tête de réseau", c.HeadName);
        if (!string.IsNullOrWhiteSpace(c.HeadSiren))
        {
            yield return [XCell.Str("SIREN de la tête de réseau"), XCell.Id(c.HeadSiren)];
        }

        yield return PairNumber("Campagne", c.Campaign);
        yield return Pair("Date de génération", FrenchText.DateTimeText(ParisTime.ToParis(generatedAt)));
        yield return Pair("Liste du réseau (reseau.xlsx)", c.HasRoster ? "présente" : "absente : membres manquants et mandats non contrôlés");

        yield return Title("Membres");
        yield return PairNumber("Membres connus", c.Members.Count);
        yield return PairNumber("Membres valides", c.CountByState(MemberState.Valid));
        yield return PairNumber("Membres avec avertissements", c.CountByState(MemberState.WithWarnings));
        yield return PairNumber("Membres en erreur", c.CountByState(MemberState.InError));
        yield return PairNumber("Membres manquants", c.CountByState(MemberState.Missing));
        yield return PairNumber("Membres retenus dans l'annexe (tableaux 1.4 et 4.3)", c.IncludedMembers.Count());
        yield return PairNumber("Établissements (tableau 1.4)", c.Establishments.Count);

        yield return Title("Couverture régionale");
        yield return PairNumber("Régions couvertes", c.RegionsCovered.Count);
        yield return Pair("Liste des régions couvertes", string.Join(" ; ", c.RegionsCovered.Select(r => r.Name)), CellStyle.Wrap);
        yield return Pair("Couverture nationale", c.NationalCoverage ? "Couverture nationale : OUI" : "Couverture nationale : NON");
        if (!c.NationalCoverage)
        {
            yield return Pair("Régions métropolitaines non couvertes", string.Join(" ; ", c.MetropolitanRegionsMissing.Select(r => r.Name)), CellStyle.Wrap);
        }

        yield return Title("Ressources humaines et échantillon de CV");
        yield return PairNumber("Évaluateurs mobilisables", c.EvaluatorsMobilisable);
        yield return PairNumber("Formateurs mobilisables", c.TrainersMobilisable);
        yield return Pair("Règle appliquée", c.CvSample.Rule, CellStyle.Wrap);
        yield return PairNumber("CV requis", c.CvSample.Required);
        yield return PairNumber("CV retenus", c.CvSample.SelectedCount);

        yield return Title("Estimation des frais (configuration)");
        yield return PairNumber("Frais d'instruction par demande (€ HT)", (double)c.Fees.PerApplication, CellStyle.Euro);
        yield return PairNumber("Frais par SIRET (€ HT)", (double)c.Fees.PerSiret, CellStyle.Euro);
        yield return PairNumber("Nombre de SIRET", c.Fees.SiretCount);
        yield return PairNumber("Total estimé (€ HT)", (double)c.Fees.Total, CellStyle.Euro);
        yield return Pair("Détail", string.Create(French,
            $"{c.Fees.PerApplication:#,##0} € HT + {c.Fees.SiretCount} × {c.Fees.PerSiret:#,##0} € HT = {c.Fees.Total:#,##0} € HT"));

        var excluded = c.Members.Where(m => !m.Included).ToList();
        yield return Title($"Membres écartés des tableaux 1.4 et 4.3 ({excluded.Count})");
        foreach (ConsolidatedMember m in excluded)
        {
            yield return Pair($"{m.Name} (SIREN {FrenchText.FormatSiren(m.Siren)})", $"{MemberStates.Label(m.State)} : {m.ExclusionReason}", CellStyle.Wrap);
        }

        var older = c.Members.Where(m => m.UsesOlderVersion).ToList();
        if (older.Count > 0)
        {
            yield return Title($"Dernier fichier refusé : version antérieure utilisée ({older.Count})");
            foreach (ConsolidatedMember m in older)
            {
                yield return Pair(
                    $"{m.Name} (SIREN {FrenchText.FormatSiren(m.Siren)})",
                    $"« {m.Latest!.FileName} » (version {m.Latest.Version}) refusé ; l'annexe reprend « {m.Current!.FileName} » (version {m.Current.Version}, reçu le {Received(m.Current.ReceivedAtUtc)}).",
                    CellStyle.Wrap);
            }
        }

        yield return Title($"Anomalies au niveau du réseau ({c.NetworkIssues.Count})");
        foreach (NetworkIssue issue in c.NetworkIssues)
        {
            string who = issue.Siren is null ? "Réseau" : $"{issue.MemberName} (SIREN {FrenchText.FormatSiren(issue.Siren)})";
            yield return Pair($"{issue.Issue.Code} — {FrenchText.SeverityLabel(issue.Issue.Severity)}", $"{who} : {issue.Issue.Message}", CellStyle.Wrap);
        }
    }

    private static IEnumerable<XCell[]> Establishments(NetworkConsolidation c)
    {
        int n = 0;
        foreach (AnnexEstablishment e in c.Establishments)
        {
            yield return
            [
                XCell.Num(++n), XCell.Str(e.Name), XCell.Id(e.Siret), XCell.Str(e.AddressLine), XCell.Str(e.RegionName), XCell.Id(e.MemberSiren),
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
                XCell.Num(++n),
                XCell.Str($"{m.Name} / {FrenchText.FormatSiren(m.Siren)}", CellStyle.Wrap),
                XCell.Str(ReferencesText(data), CellStyle.Wrap),
                XCell.Str(HumanResources(data.Organisation), CellStyle.Wrap),
                XCell.Str(data.Organisation.Specificities, CellStyle.Wrap),
            ];
        }
    }

    private static IEnumerable<XCell[]> Cvs(NetworkConsolidation c)
    {
        int n = 0;
        foreach (SampledCv cv in c.CvSample.Selected)
        {
            Intervenant p = cv.Person;
            yield return
            [
                XCell.Num(++n),
                XCell.Str($"{p.FirstName} {p.LastName}".Trim()),
                XCell.Str(RoleLabel(p.Role)),
                XCell.Str(RoleLabel(cv.CountedAs)),
                XCell.Str(cv.MemberName),
                XCell.Id(cv.MemberSiren),
                XCell.Str(cv.RegionCode is null ? "" : Core.Geography.FrenchGeography.RegionByCode(cv.RegionCode)?.Name),
                XCell.Str(p.Diplomas, CellStyle.Wrap),
                XCell.Str(p.ProfessionalExperience, CellStyle.Wrap),
                XCell.Str(Domains(p.Domains)),
                XCell.Str(p.EvaluationExperience, CellStyle.Wrap),
                p.Year is { } year ? XCell.Num(year) : XCell.Str(null),
            ];
        }
    }

    private static IEnumerable<XCell[]> References(NetworkConsolidation c)
    {
        foreach (ConsolidatedMember m in c.IncludedMembers)
        {
            foreach (Reference r in m.Current!.Data!.References.OrderBy(r => r.Row))
            {
                yield return
                [
                    XCell.Str(m.Name),
                    XCell.Id(m.Siren),
                    r.Year is { } year ? XCell.Num(year) : XCell.Str(null),
                    XCell.Str(r.Client),
                    XCell.Str(r.Publics),
                    XCell.Str(Domains(r.Domains)),
                    r.PeopleEvaluated is { } people ? XCell.Num(people) : XCell.Str(null),
                    XCell.Str(r.Sectors),
                    XCell.Str(r.Description, CellStyle.Wrap),
                ];
            }
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
        XCell.Str(member),
        XCell.Id(siren),
        XCell.Str(file),
        XCell.Str(i.Sheet),
        i.Row is { } row ? XCell.Num(row) : XCell.Str(null),
        XCell.Str(i.Column),
        XCell.Id(i.Value),
        XCell.Str(FrenchText.SeverityLabel(i.Severity)),
        XCell.Str(i.Code),
        XCell.Str(i.Message),
    ];

    private static IEnumerable<XCell[]> Versions(NetworkConsolidation c)
    {
        foreach (ConsolidatedMember m in c.Members)
        {
            if (m.Current is { } s)
            {
                string note = m.UsesOlderVersion
                    ? $"Dernier fichier « {m.Latest!.FileName} » (version {m.Latest.Version}, reçu le {Received(m.Latest.ReceivedAtUtc)}) refusé : version antérieure utilisée."
                    : m.Included ? "Version utilisée pour l'annexe." : $"Non retenu : {m.ExclusionReason}.";
                yield return
                [
                    XCell.Str(m.Name), XCell.Id(m.Siren), XCell.Str(s.FileName), XCell.Num(s.Version), XCell.Id(s.Sha256),
                    XCell.Str(Received(s.ReceivedAtUtc)), XCell.Str(FrenchText.StatusLabel(s.Status)), XCell.Str(note),
                ];
            }
            else if (m.Latest is { } last)
            {
                yield return
                [
                    XCell.Str(m.Name), XCell.Id(m.Siren), XCell.Str(last.FileName), XCell.Num(last.Version), XCell.Str(null),
                    XCell.Str(Received(last.ReceivedAtUtc)), XCell.Str(FrenchText.StatusLabel(last.Status)),
                    XCell.Str("Aucune version acceptée : membre absent de l'annexe."),
                ];
            }
        }
    }

    private static string Received(DateTime utc) => ParisTime.ToParis(utc).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    internal static string RoleLabel(IntervenantRole role) => role switch
    {
        IntervenantRole.Evaluator => "Évaluateur",
        IntervenantRole.Trainer => "Formateur",
        IntervenantRole.Both => "Évaluateur et formateur",
        _ => "",
    };

    private static string Domains(IReadOnlyList<CleaDomain> domains) =>
        string.Join(", ", domains.Select(d => ((int)d).ToString(CultureInfo.InvariantCulture)));

    /// <summary>"3 évaluateurs, 5 formateurs".</summary>
    internal static string HumanResources(MemberOrganisation o)
    {
        int evaluators = o.EvaluatorCount ?? 0;
        int trainers = o.TrainerCount ?? 0;
        return $"{evaluators} évaluateur{(evaluators > 1 ? "s" : "")}, {trainers} formateur{(trainers > 1 ? "s" : "")}";
    }

    /// <summary>The member's own summary when given, else its references listed ("Client (année) ; …", at most 10).</summary>
    private static string ReferencesText(MemberData data)
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
        return items.Count > 10 ? $"{text} ; … ({items.Count} références, voir la feuille References)" : text;
    }
}
