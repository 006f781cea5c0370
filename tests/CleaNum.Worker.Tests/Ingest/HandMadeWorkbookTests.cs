using ClosedXML.Excel;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Worker.Ingest;

namespace CleaNum.Worker.Tests.Ingest;

/// <summary>Workbooks laid out by members without the template, as they really arrive: every variation here is
/// acceptable and must produce no issue at all.</summary>
public sealed class HandMadeWorkbookTests
{
    private const string Siren = "732829320";

    private static void WriteRows(IXLWorksheet sheet, int firstRow, params object?[][] rows)
    {
        for (int r = 0; r < rows.Length; r++)
        {
            for (int c = 0; c < rows[r].Length; c++)
            {
                IXLCell cell = sheet.Cell(firstRow + r, c + 1);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string s:
                        cell.SetValue(s);
                        break;
                    case double d:
                        cell.SetValue(d);
                        break;
                    case DateTime dt:
                        cell.SetValue(dt);
                        break;
                    case object o:
                        cell.SetValue(o.ToString());
                        break;
                }
            }
        }
    }

    private static string Write(string folder, Action<XLWorkbook> build)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "membre-fait-main.xlsx");
        using var workbook = new XLWorkbook();
        build(workbook);
        workbook.SaveAs(path);
        return path;
    }

    [Fact]
    public async Task Does_accept_a_hand_made_workbook_with_every_harmless_variation()
    {
        await using var fixture = await IngestFixture.CreateAsync(withRoster: false);
        string path = Write(fixture.Data.EnsureCreated().Depot, workbook =>
        {
            IXLWorksheet form = workbook.AddWorksheet("Fiche Organisme");
            WriteRows(form, 2,
                ["DOSSIER DE CANDIDATURE CLEA NUMERIQUE"],
                [],
                ["Nom de l'organisme :", "Formation Conseil Savoie"],
                ["N° SIREN :", 732829320d],
                ["Code APE", "8559a"],
                ["N° NDA", "84 73 00000 73"],
                ["Adresse", "12 avenue du Lac"],
                ["CP", 73000d],
                ["Commune", "Chambéry"],
                ["Région", "auvergne rhone alpes"],
                ["Site internet", "www.formation-savoie.fr"],
                ["Date de création", "01/09/2009"],
                ["Effectif", 12d],
                ["Contact", "Marie Durand"],
                ["E-mail du contact", "marie.durand@formation-savoie.fr"],
                ["Tél du contact", "+33 4 79 00 00 00"],
                ["Qualiopi", "oui"],
                ["Numéro de certificat Qualiopi", "Q-2025-001"],
                ["Certificateur", "AFNOR"],
                ["Date d'expiration", new DateTime(2028, 6, 30)],
                ["Évaluateurs mobilisables", 2d],
                ["Formateurs mobilisables", "3"]);

            IXLWorksheet sites = workbook.AddWorksheet("1. Établissements");
            WriteRows(sites, 1,
                ["Tableau 1.4 — établissements concernés"],
                [],
                ["RAISON SOCIALE", "N° SIRET (14 chiffres)", "ADRESSE", "CODE POSTAL", "VILLE", "REGION (facultatif)"],
                ["Formation Conseil Savoie Chambéry", 73282932000074d, "12 avenue du Lac", "73000", "Chambéry", "Auvergne-Rhône-Alpes"],
                [],
                ["Formation Conseil Savoie Annecy", "732 829 320 00066", "3 rue Royale", 74000d, "Annecy", null],
                ["Formation Conseil Savoie Bourg", "732.829.320.00041", "1 avenue Alsace-Lorraine", 1000d, "Bourg-en-Bresse", "AUVERGNE-RHONE-ALPES"]);

            IXLWorksheet people = workbook.AddWorksheet("CV");
            WriteRows(people, 1,
                ["NOM", "PRENOM", "ROLE", "DIPLOMES", "EXPERIENCE PROFESSIONNELLE", "DOMAINES COUVERTS", "EXPERIENCES EN EVALUATION", "ANNEE"],
                ["DURAND", "Marie", "Évaluatrice", "Master", "Formatrice 10 ans", "1 ; 2 ; 3", "Évaluation – 2025", 2025d],
                ["MARTIN", "Paul", "formateurs", "BTS", "Technicien", 4d, "Formation – 2024", "2024"],
                ["BERNARD", "Léa", "Eval. et form.", "Licence", "Consultante", "1,2,3,4", "Évaluation – 2025", 2025d]);
        });

        IngestOutcome outcome = await fixture.IngestAsync(path);

        // References is optional: its absence is a warning, and the only issue.
        Issue only = Assert.Single(outcome.Issues);
        Assert.Equal(IssueCodes.SheetMissing, only.Code);
        Assert.Equal(Severity.Warning, only.Severity);
        Assert.Equal(SubmissionStatus.AcceptedWithWarnings, outcome.Status);
        Assert.Equal(Siren, outcome.Siren);
    }
}
