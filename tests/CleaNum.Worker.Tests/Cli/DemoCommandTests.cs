using ClosedXML.Excel;
using CleaNum.Worker.Cli;
using CleaNum.Worker.Tests.Service;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CleaNum.Worker.Tests.Cli;

public sealed class DemoCommandTests
{
    [Fact]
    public async Task Does_ingest_the_sample_network_into_a_fresh_folder_and_say_where_the_reports_are()
    {
        string root = Path.Combine(ServiceFixture.NewRoot(), "démo");
        var output = new StringWriter();
        try
        {
            int exit = await CleaNumCommandLine.RunAsync(["demo", "--data", root], output, TextWriter.Null);

            string text = output.ToString();
            var data = new DataFolder(root);
            Assert.True(File.Exists(data.RosterPath));
            Assert.Empty(ServiceFixture.Files(data.Depot));
            Assert.Empty(ServiceFixture.Files(data.InProgress));
            Assert.Equal(7, ServiceFixture.FinalNames(data).Count);
            Assert.DoesNotContain("README.md", ServiceFixture.FinalNames(data));
            Assert.Contains("Rapport de chaque membre", text, StringComparison.Ordinal);
            foreach (string line in text.Split('\n').Select(l => l.Trim()).Where(l => l.EndsWith(".xlsx", StringComparison.Ordinal) && l.StartsWith('/')))
            {
                Assert.True(File.Exists(line), line);
            }

            Assert.Contains("ACME Formation (SIREN 832147565) : accepté", text, StringComparison.Ordinal);
            Assert.Contains("FormaNord (SIREN 844123984) : refusé", text, StringComparison.Ordinal);
            string[] annotated = [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("copie annotée : ", StringComparison.Ordinal))
                .Select(l => l["copie annotée : ".Length..])];
            Assert.Contains(annotated, path => path.EndsWith("-Annote.xlsx", StringComparison.Ordinal) && path.Contains("FormaNord", StringComparison.Ordinal));
            Assert.All(annotated, path => Assert.True(File.Exists(path), path));
            Assert.Equal(ExitCodes.Ok, exit);
            string[] dossier = [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("PJ", StringComparison.Ordinal))];
            Assert.Equal(3, dossier.Length);
            Assert.StartsWith("PJ1 annexe consolidée (Excel) : ", dossier[0], StringComparison.Ordinal);
            Assert.EndsWith(".xlsx", dossier[0], StringComparison.Ordinal);
            Assert.StartsWith("PJ2 CV des intervenants (Word) : ", dossier[1], StringComparison.Ordinal);
            Assert.StartsWith("PJ3 tableaux du cadre de réponse (Word) : ", dossier[2], StringComparison.Ordinal);
            Assert.All(dossier, line => Assert.True(File.Exists(line[(line.IndexOf(" : ", StringComparison.Ordinal) + 3)..]), line));
            Assert.Matches("-PJ2-[0-9]{6}\\.docx$", dossier[1]);
            Assert.Matches("-PJ3-[0-9]{6}\\.docx$", dossier[2]);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
        }
    }

    /// <summary>The dossier of the sample network, as a new user opens it: each of the checks on its own data
    /// (sample-data/README.md says what each file exercises).</summary>
    [Fact]
    public async Task Does_hand_certif_pro_a_valid_dossier_with_the_sample_networks_sites_regions_fees_and_activity()
    {
        string root = Path.Combine(ServiceFixture.NewRoot(), "démo");
        try
        {
            Assert.Equal(ExitCodes.Ok, await CleaNumCommandLine.RunAsync(["demo", "--data", root], TextWriter.Null, TextWriter.Null));
            string annex = new DataFolder(root).Annex;
            string pj1 = Directory.GetFiles(annex, "*-PJ1-*.xlsx").Single();
            string pj2 = Directory.GetFiles(annex, "*-PJ2-*.docx").Single();
            string pj3 = Directory.GetFiles(annex, "*-PJ3-*.docx").Single();

            using (SpreadsheetDocument spreadsheet = SpreadsheetDocument.Open(pj1, isEditable: false))
            {
                Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(spreadsheet).Select(e => $"PJ1 {e.Part?.Uri}: {e.Description}"));
            }

            foreach (string word in new[] { pj2, pj3 })
            {
                using WordprocessingDocument document = WordprocessingDocument.Open(word, isEditable: false);
                Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document).Select(e => $"{Path.GetFileName(word)} {e.Part?.Uri}: {e.Description}"));
            }

            using var workbook = new XLWorkbook(pj1);
            List<Dictionary<string, string>> sites = Rows(workbook.Worksheet("1.4 Établissements"));

            // Metz (57000) typed « Hauts-de-France » by the member: the dossier gives the postal code's région.
            Assert.Equal("Grand Est", Assert.Single(sites, s => s["Adresse Code postal Ville"].Contains("57000 Metz", StringComparison.Ordinal))["Région"]);
            Assert.DoesNotContain(sites, s => s["Région"] == "Hauts-de-France");

            // ACME's « salle Voltaire »: a second site under the SIRET of Paris 11, at another address, listed and counted.
            Assert.Equal(2, sites.Count(s => s["Raison sociale"].StartsWith("ACME Formation Paris 11", StringComparison.Ordinal)));
            Assert.Single(sites.Where(s => s["Raison sociale"].StartsWith("ACME Formation Paris 11", StringComparison.Ordinal)).Select(s => s["SIRET"]).Distinct());

            // Fees: five members kept + the head (its own activity in reseau.xlsx) = 6 candidates; every listed site.
            IXLWorksheet synthese = workbook.Worksheet("Synthèse");
            string fees = synthese.CellsUsed().Single(c => c.GetString() == "Calcul").CellRight().GetString();
            Assert.Equal(14, sites.Count); // ACME 4, Cap Numérique 3, FormaCléA 3, Numérique Grand Est 2, Savoirs 2
            Assert.Equal("6 candidats × 300 € HT + 14 sites × 150 € HT = 3 900 € HT", System.Text.RegularExpressions.Regex.Replace(fees, "\\s", " "));

            // Form 3.2: ACME's Activite sheet reaches the dossier; FormaNord's (refused) does not.
            List<Dictionary<string, string>> activity = Rows(workbook.Worksheet("3.2 Activité"));
            Assert.Equal(["2023", "2024", "2025"], activity.Where(r => r["Organisme"] == "ACME Formation").Select(r => r["Année"]));
            Assert.DoesNotContain(activity, r => r["Organisme"] == "FormaNord");

            // The same sites in PJ3's table 1.4, Metz in Grand Est there too.
            using WordprocessingDocument tables = WordprocessingDocument.Open(pj3, isEditable: false);
            var rows = tables.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
                .Select(r => r.InnerText).ToList();
            Assert.Contains(rows, r => r.Contains("57000 Metz", StringComparison.Ordinal) && r.EndsWith("Grand Est", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(root)!, recursive: true);
        }
    }

    /// <summary>Each row under the header row (the first row) as header → text.</summary>
    private static List<Dictionary<string, string>> Rows(IXLWorksheet sheet)
    {
        IXLRow header = sheet.FirstRowUsed();
        var columns = header.CellsUsed().ToDictionary(c => c.Address.ColumnNumber, c => c.GetString());
        return [.. sheet.RowsUsed().Where(r => r.RowNumber() > header.RowNumber())
            .Select(r => columns.ToDictionary(c => c.Value, c => r.Cell(c.Key).GetString()))];
    }

    [Fact]
    public async Task Does_replay_a_previous_demo_folder_but_never_touch_another_non_empty_folder()
    {
        string root = ServiceFixture.NewRoot();
        string demo = Path.Combine(root, "démo");
        string other = Path.Combine(root, "mes données");
        Directory.CreateDirectory(other);
        await File.WriteAllTextAsync(Path.Combine(other, "important.txt"), "à garder");
        try
        {
            await CleaNumCommandLine.RunAsync(["demo", "--data", demo], TextWriter.Null, TextWriter.Null);
            var error = new StringWriter();

            await CleaNumCommandLine.RunAsync(["demo", "--data", demo], TextWriter.Null, TextWriter.Null);
            int refused = await CleaNumCommandLine.RunAsync(["demo", "--data", other], TextWriter.Null, error);

            Assert.Equal(7, ServiceFixture.FinalNames(new DataFolder(demo)).Count); // replayed from scratch, not doubled
            Assert.Equal(ExitCodes.Failure, refused);
            Assert.Contains("n'est pas vide", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(["important.txt"], Directory.EnumerateFileSystemEntries(other).Select(Path.GetFileName));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }
}
