using System.Globalization;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using Microsoft.Extensions.Logging;

namespace CleaNum.Export.Annex;

/// <summary>
/// The Word attachments of the dossier (annex.md), from the same consolidation and the same wording
/// (<see cref="DossierText"/>) as PJ1:
/// PJ2 — a cover page (network, campaign, CV rule), a table of contents, then the CV sample one CV per page in the form's
/// « exemple de format de CV »; PJ3 — the form's 1.4 block and table 1.4, the 3.2 key figures, table 4.3 and the list
/// of mandates, with the form's column titles, on A4 landscape pages ready to paste into the « Cadre de réponse ».
/// </summary>
internal sealed class DossierDocumentsWriter(ILogger<DossierDocumentsWriter> logger) : IDossierDocumentsWriter
{
    /// <summary>Table of contents lines that fit on one A4 portrait page (one line each).</summary>
    private const int TocLinesPerPage = 40;

    public const string CvHeadingPrefix = "CV n° ";

    public static readonly IReadOnlyList<string> EstablishmentHeaders = ["N°", "Raison sociale", "SIRET", "Adresse Code postal Ville", "Région"];

    public static readonly IReadOnlyList<string> OrganisationHeaders =
    [
        "N°", "Nom de l'organisme / SIREN", "Références de l'organisme en lien avec l'activité CléA numérique",
        "Ressources humaines mobilisées", "Spécificités de l'organisme sur la mise en œuvre du dispositif CléA numérique",
    ];

    public static readonly IReadOnlyList<string> ActivityHeaders =
        ["Organisme / SIREN", "Année", "Dossiers inscrits", "Évaluations préalables", "Évaluations finales", "Personnes certifiées"];

    public static readonly IReadOnlyList<string> MandateHeaders = ["N°", "Nom de l'organisme", "SIREN", "Lettre de mandat reçue", "Date du mandat"];

    public DossierDocuments Write(NetworkConsolidation consolidation, string outputFolder, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(consolidation);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        string cvPath = Path.Combine(outputFolder, AnnexFileNames.Cvs(consolidation.HeadName, generatedAt));
        string tablesPath = Path.Combine(outputFolder, AnnexFileNames.Tables(consolidation.HeadName, generatedAt));
        Cvs(consolidation, generatedAt).Save(cvPath);
        Tables(consolidation, generatedAt).Save(tablesPath);
        logger.WordAttachmentsWritten(cvPath, tablesPath, consolidation.CvSample.SelectedCount);
        return new DossierDocuments(cvPath, tablesPath);
    }

    /// <summary>PJ2.</summary>
    internal static WordDocumentBuilder Cvs(NetworkConsolidation c, DateTimeOffset generatedAt)
    {
        var doc = new WordDocumentBuilder(landscape: false, footerText: $"{c.HeadName} — CléA numérique {c.Campaign} — PJ2 CV des intervenants");
        IReadOnlyList<SampledCv> cvs = c.CvSample.Selected;

        doc.Title("CléA numérique — CV des intervenants");
        doc.Subtitle("Pièce jointe n° 2 du cadre de réponse : échantillon de CV des évaluateurs et formateurs du réseau");
        doc.LabelValue("Tête de réseau", DossierText.MemberWithSiren(c.HeadName, c.HeadSiren));
        doc.LabelValue("Campagne", c.Campaign.ToString(CultureInfo.InvariantCulture));
        doc.LabelValue("Document établi le", DossierText.Generated(generatedAt));
        doc.LabelValue("Nombre de CV", cvs.Count.ToString(CultureInfo.InvariantCulture));

        doc.Heading(2, "Règle d'échantillonnage appliquée");
        doc.Text(c.CvSample.Rule);
        doc.LabelValue("Taille du réseau retenue pour la règle", c.NetworkSize.ToString(CultureInfo.InvariantCulture));
        doc.LabelValue("CV requis", c.CvSample.Required.ToString(CultureInfo.InvariantCulture));
        doc.LabelValue("CV retenus", cvs.Count.ToString(CultureInfo.InvariantCulture));
        if (c.CvSample.Insufficient)
        {
            int missing = c.CvSample.Required - cvs.Count;
            doc.Text($"Attention : il manque {missing} CV pour atteindre le nombre requis (voir l'onglet « Synthèse » de la PJ1).");
        }

        doc.Heading(2, "Format des CV");
        doc.Text("Chaque CV occupe sa propre page et suit l'exemple de format de CV du cadre de réponse : intervenant mobilisé, "
            + "organisme, rôle, statut, puis 1. Diplômes, 2. Expériences professionnelles, 3. Expériences professionnelles en "
            + "évaluation ou en formation en lien avec au moins 1 des domaines du référentiel CléA numérique.");
        doc.Heading(2, "Domaines du référentiel CléA numérique");
        doc.Text(string.Join("\n", Enum.GetValues<CleaDomain>().Select(d => $"{(int)d}. {DossierText.DomainName(d)}")));

        if (cvs.Count == 0)
        {
            doc.Text("Aucun CV n'a pu être retenu : aucun membre du dossier n'a fourni de CV exploitable.");
            return doc;
        }

        // Cover = page 1, then the table of contents, then one CV per page.
        int tocPages = (cvs.Count + 2 + TocLinesPerPage - 1) / TocLinesPerPage;
        var entries = cvs.Select((cv, i) => new TocEntry(Bookmark(i + 1), Heading(i + 1, cv), 1 + tocPages + i + 1)).ToList();
        doc.PageBreak();
        doc.TableOfContents("Sommaire", entries);

        for (int i = 0; i < cvs.Count; i++)
        {
            SampledCv cv = cvs[i];
            Intervenant p = cv.Person;
            doc.Heading(1, Heading(i + 1, cv), pageBreakBefore: true, bookmark: Bookmark(i + 1));
            doc.LabelValue("Intervenant mobilisé", DossierText.PersonName(p));
            string? region = cv.RegionCode is null ? null : Core.Geography.FrenchGeography.RegionByCode(cv.RegionCode)?.Name;
            doc.LabelValue("Organisme", DossierText.MemberWithSiren(cv.MemberName, cv.MemberSiren) + (region is null ? "" : $", {region}"));
            doc.LabelValue("Rôle", DossierText.SampledRole(cv));
            doc.LabelValue("Statut", p.Status);
            doc.Heading(2, "1. Diplômes");
            doc.Text(p.Diplomas);
            doc.Heading(2, "2. Expériences professionnelles");
            doc.Text(p.ProfessionalExperience);
            doc.Heading(2, "3. Expériences professionnelles en évaluation ou en formation en lien avec au moins 1 des domaines du référentiel CléA numérique");
            doc.LabelValue("Domaines", p.Domains.Count == 0 ? null : DossierText.DomainsNamed(p.Domains));
            doc.Text(p.EvaluationExperience);
            doc.LabelValue("Année", p.Year?.ToString(CultureInfo.InvariantCulture));
        }

        return doc;

        static string Bookmark(int n) => $"_TocCv{n.ToString("D4", CultureInfo.InvariantCulture)}";

        static string Heading(int n, SampledCv cv) => $"{CvHeadingPrefix}{n} — {DossierText.PersonName(cv.Person)}";
    }

    /// <summary>PJ3.</summary>
    internal static WordDocumentBuilder Tables(NetworkConsolidation c, DateTimeOffset generatedAt)
    {
        var doc = new WordDocumentBuilder(landscape: true, footerText: $"{c.HeadName} — CléA numérique {c.Campaign} — PJ3 Tableaux du cadre de réponse");
        doc.Title("CléA numérique — Tableaux du cadre de réponse");
        doc.Subtitle($"Pièce jointe n° 3 : tableaux 1.4, 3.2 et 4.3 et liste des mandats — {DossierText.MemberWithSiren(c.HeadName, c.HeadSiren)}, "
            + $"campagne {c.Campaign.ToString(CultureInfo.InvariantCulture)}, établie le {DossierText.Generated(generatedAt)}");

        int width = doc.TextWidth;

        doc.Heading(1, "1.4 Établissements et sites");
        doc.LabelValue("Nombre d'établissements et de sites", c.SiteCount.ToString(CultureInfo.InvariantCulture));
        doc.LabelValue("Couverture nationale", DossierText.NationalCoverage(c));
        doc.LabelValue("Couverture régionale", DossierText.RegionalCoverage(c));
        doc.LabelValue("Régions concernées", DossierText.RegionsConcerned(c));
        int n = 0;
        doc.Table(
            Columns(width, EstablishmentHeaders, [5, 23, 14, 36, 22]),
            c.Establishments.Select(e => new string?[] { (++n).ToString(CultureInfo.InvariantCulture), e.Name, e.Siret, e.AddressLine, e.RegionName }).ToList());

        doc.Heading(1, "3.2 Chiffres clés");
        if (c.Activity.Count == 0)
        {
            doc.Text("Aucun membre du dossier n'a renseigné ses chiffres clés (feuille « Activite » du classeur).", empty: "");
        }
        else
        {
            var rows = new List<string?[]>();
            rows.AddRange(c.Activity.Select(a => (string?[])[
                $"{a.MemberName} / {FrenchText.FormatSiren(a.MemberSiren)}", Int(a.Year), .. Figures(a.Figures)]));
            var bold = new HashSet<int>();
            foreach (YearActivity y in c.ActivityByYear)
            {
                bold.Add(rows.Count);
                rows.Add([$"Total du réseau {Int(y.Year)}", Int(y.Year), .. Figures(y.Figures)]);
            }

            bold.Add(rows.Count);
            rows.Add([$"Total du réseau sur la période {DossierText.Period(c)}", "", .. Figures(c.ActivityTotal)]);
            doc.Table(Columns(width, ActivityHeaders, [32, 12, 14, 14, 14, 14]), rows, bold);
        }

        doc.Heading(1, "4.3 Organismes du réseau");
        n = 0;
        doc.Table(
            Columns(width, OrganisationHeaders, [5, 20, 31, 14, 30]),
            c.IncludedMembers.Select(m => new string?[]
            {
                (++n).ToString(CultureInfo.InvariantCulture),
                $"{m.Name} / {FrenchText.FormatSiren(m.Siren)}",
                DossierText.ReferencesSummary(m.Current!.Data!),
                DossierText.HumanResources(m.Current!.Data!.Organisation),
                m.Current!.Data!.Organisation.Specificities,
            }).ToList());

        doc.Heading(1, "Mandats des membres");
        if (!c.HasRoster)
        {
            doc.Text("Pas de liste du réseau (reseau.xlsx) : les mandats n'ont pas pu être relevés.", empty: "");
        }

        n = 0;
        doc.Table(
            Columns(width, MandateHeaders, [5, 39, 14, 22, 20]),
            c.Members.Where(m => m.Included || m.RosterEntry is not null).Select(m => new string?[]
            {
                (++n).ToString(CultureInfo.InvariantCulture),
                m.Name,
                FrenchText.FormatSiren(m.Siren),
                m.RosterEntry is null ? (c.HasRoster ? "Absent de la liste du réseau" : "Non relevé") : DossierText.YesNo(m.MandateReceived),
                DossierText.Date(m.MandateDate),
            }).ToList());

        return doc;

        static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

        static string?[] Figures(ActivityFigures f) => [Int(f.Registered), Int(f.PriorEvaluations), Int(f.FinalEvaluations), Int(f.Certified)];
    }

    /// <summary>Columns sharing <paramref name="width"/> in proportion to <paramref name="shares"/> (the last one takes
    /// the rounding).</summary>
    private static List<WordColumn> Columns(int width, IReadOnlyList<string> headers, int[] shares)
    {
        int total = shares.Sum();
        var columns = new List<WordColumn>(headers.Count);
        int used = 0;
        for (int i = 0; i < headers.Count; i++)
        {
            int w = i == headers.Count - 1 ? width - used : width * shares[i] / total;
            used += w;
            columns.Add(new WordColumn(headers[i], w));
        }

        return columns;
    }
}
