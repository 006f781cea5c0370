using CleaNum.Core.Consolidation;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Export.Annex;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleaNum.Export.Tests.Annex;

public sealed class DossierDocumentsWriterTests : IDisposable
{
    private static readonly DateTimeOffset GeneratedAt = new(2025, 11, 23, 23, 30, 0, TimeSpan.Zero); // 24/11 in Paris

    private readonly TempFolder _folder = new();
    private readonly DossierDocumentsWriter _writer = new(NullLogger<DossierDocumentsWriter>.Instance);

    public void Dispose() => _folder.Dispose();

    private static NetworkConsolidation Network(int members, out List<Submission> submissions)
    {
        submissions = TestNetwork.Members(members);
        return TestNetwork.Consolidate(submissions, TestNetwork.Roster(submissions, TestNetwork.Siren(901)));
    }

    /// <summary>The paragraphs' texts of a body part, in document order (tables included).</summary>
    private static List<string> Texts(OpenXmlElement root) => [.. root.Descendants<Paragraph>().Select(p => p.InnerText)];

    private static string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";

    [Fact]
    public void Names_both_attachments_after_the_head_and_the_paris_date_and_leaves_no_temporary_file()
    {
        NetworkConsolidation network = Network(5, out _);

        _writer.Write(network, _folder.Path, GeneratedAt);
        DossierDocuments documents = _writer.Write(network, _folder.Path, GeneratedAt);

        Assert.Equal("CleANum-Reseau_Numerique_Solidaire-PJ2-241125.docx", Path.GetFileName(documents.CvPath));
        Assert.Equal("CleANum-Reseau_Numerique_Solidaire-PJ3-241125.docx", Path.GetFileName(documents.TablesPath));
        Assert.Equal(
            ["CleANum-Reseau_Numerique_Solidaire-PJ2-241125.docx", "CleANum-Reseau_Numerique_Solidaire-PJ3-241125.docx"],
            _folder.FileNames());
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(62)]
    public void Writes_documents_the_open_xml_validator_accepts(int members)
    {
        NetworkConsolidation network = Network(members, out _);

        DossierDocuments documents = _writer.Write(network, _folder.Path, GeneratedAt);

        foreach (string path in new[] { documents.CvPath, documents.TablesPath })
        {
            using WordprocessingDocument document = WordprocessingDocument.Open(path, isEditable: false);
            var errors = new OpenXmlValidator(FileFormatVersions.Office2010)
                .Validate(document)
                .Select(e => $"{Path.GetFileName(path)} {e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
                .ToList();
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void Puts_each_sampled_cv_on_its_own_page_in_the_form_layout()
    {
        NetworkConsolidation network = Network(8, out _);

        DossierDocuments documents = _writer.Write(network, _folder.Path, GeneratedAt);

        using WordprocessingDocument document = WordprocessingDocument.Open(documents.CvPath, isEditable: false);
        Body body = document.MainDocumentPart!.Document.Body!;
        List<Paragraph> cvHeadings = [.. body.Elements<Paragraph>().Where(p => StyleOf(p) == "Heading1")];
        Assert.Equal(network.CvSample.SelectedCount, cvHeadings.Count);
        Assert.True(cvHeadings.Count >= 16); // one evaluator and one trainer CV per member
        for (int i = 0; i < cvHeadings.Count; i++)
        {
            SampledCv cv = network.CvSample.Selected[i];
            Assert.Equal($"CV n° {i + 1} — {cv.Person.FirstName} {cv.Person.LastName}", cvHeadings[i].InnerText);
            Assert.NotNull(cvHeadings[i].ParagraphProperties!.PageBreakBefore); // a new page for every CV
        }

        // The form's « exemple de format de CV », once per CV, in order.
        List<string> texts = Texts(body);
        string[] layout =
        [
            "Intervenant mobilisé : ", "Organisme : ", "Rôle : ", "Statut : ", "1. Diplômes", "2. Expériences professionnelles",
            "3. Expériences professionnelles en évaluation ou en formation en lien avec au moins 1 des domaines",
        ];
        foreach (string part in layout)
        {
            Assert.Equal(cvHeadings.Count, texts.Count(t => t.StartsWith(part, StringComparison.Ordinal)));
        }

        SampledCv first = network.CvSample.Selected[0];
        int start = texts.IndexOf(cvHeadings[0].InnerText);
        Assert.Equal($"Intervenant mobilisé : {first.Person.FirstName} {first.Person.LastName}", texts[start + 1]);
        Assert.StartsWith($"Organisme : {first.MemberName} (SIREN ", texts[start + 2], StringComparison.Ordinal);
        Assert.Contains(texts.Skip(start), t => t.StartsWith("Domaines : 1. Identifier son environnement", StringComparison.Ordinal));
    }

    [Fact]
    public void Opens_with_a_cover_page_stating_network_campaign_and_rule_then_a_table_of_contents()
    {
        NetworkConsolidation network = Network(8, out _);

        DossierDocuments documents = _writer.Write(network, _folder.Path, GeneratedAt);

        using WordprocessingDocument document = WordprocessingDocument.Open(documents.CvPath, isEditable: false);
        Body body = document.MainDocumentPart!.Document.Body!;
        List<string> texts = Texts(body);
        int firstCv = texts.FindIndex(t => t.StartsWith("CV n° 1 — ", StringComparison.Ordinal));
        List<string> cover = texts.Take(firstCv).ToList();
        Assert.Contains("Tête de réseau : Réseau Numérique Solidaire (SIREN 732 829 320)", cover);
        Assert.Contains("Campagne : 2025", cover);
        Assert.Contains("Document établi le : 24/11/2025 à 00:30", cover);
        Assert.Contains(network.CvSample.Rule, cover);
        Assert.Contains($"CV retenus : {network.CvSample.SelectedCount}", cover);

        // A real TOC field over Heading 1, with one hyperlinked entry per CV pointing at the heading's bookmark.
        Assert.Contains(body.Descendants<FieldCode>(), f => f.Text.Contains("TOC \\o \"1-1\"", StringComparison.Ordinal));
        List<Hyperlink> links = [.. body.Descendants<Hyperlink>()];
        Assert.Equal(network.CvSample.SelectedCount, links.Count);
        var bookmarks = body.Descendants<BookmarkStart>().Select(b => b.Name!.Value).ToHashSet();
        Assert.All(links, l => Assert.Contains(l.Anchor!.Value, bookmarks));

        // Its page numbers are refreshed by Word on opening (a CV longer than a page shifts them).
        Assert.True(document.MainDocumentPart.DocumentSettingsPart!.Settings!.GetFirstChild<UpdateFieldsOnOpen>()?.Val?.Value);
        Style heading = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == "Heading1");
        Assert.Equal("heading 1", heading.StyleName!.Val!.Value);
        Assert.Equal(0, heading.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
    }

    [Fact]
    public void Writes_the_form_tables_with_the_form_column_titles_and_the_same_rows_as_pj1()
    {
        NetworkConsolidation network = Network(8, out _);

        DossierDocuments documents = _writer.Write(network, _folder.Path, GeneratedAt);

        using WordprocessingDocument document = WordprocessingDocument.Open(documents.TablesPath, isEditable: false);
        Body body = document.MainDocumentPart!.Document.Body!;
        List<Table> tables = [.. body.Elements<Table>()];
        List<string[]> Rows(Table t) => [.. t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())];

        Table establishments = tables.Single(t => Rows(t)[0].SequenceEqual(["N°", "Raison sociale", "SIRET", "Adresse Code postal Ville", "Région"]));
        List<string[]> rows = Rows(establishments);
        Assert.Equal(network.Establishments.Count, rows.Count - 1);
        for (int i = 0; i < network.Establishments.Count; i++)
        {
            AnnexEstablishment e = network.Establishments[i];
            Assert.Equal([(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Name, e.Siret, e.AddressLine, e.RegionName], rows[i + 1]);
        }

        Assert.NotNull(establishments.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>()); // repeated on each page
        Table organisations = tables.Single(t => Rows(t)[0][1] == "Nom de l'organisme / SIREN");
        Assert.Equal(
            ["N°", "Nom de l'organisme / SIREN", "Références de l'organisme en lien avec l'activité CléA numérique", "Ressources humaines mobilisées",
             "Spécificités de l'organisme sur la mise en œuvre du dispositif CléA numérique"],
            Rows(organisations)[0]);
        Assert.Equal(network.IncludedMembers.Count(), Rows(organisations).Count - 1);
        Table mandates = tables.Single(t => Rows(t)[0].SequenceEqual(["N°", "Nom de l'organisme", "SIREN", "Lettre de mandat reçue", "Date du mandat"]));
        ConsolidatedMember member = network.IncludedMembers.First();
        Assert.Contains(Rows(mandates), r => r[1] == member.Name && r[2] == FrenchText.FormatSiren(member.Siren) && r[3] == "Oui" && r[4] == "01/09/2025");
        Assert.Contains(Rows(mandates), r => r[1] == "Membre attendu 1" && r[3] == "Oui" && r[4] == "");
        Assert.Equal(network.Members.Count, Rows(mandates).Count - 1);

        List<string> texts = Texts(body);
        Assert.Contains($"Nombre d'établissements et de sites : {network.Establishments.Count}", texts);
        Assert.Contains("Couverture nationale : NON", texts);
        Assert.Contains("Couverture régionale : OUI", texts);
        Assert.Contains($"Régions concernées : {string.Join(" ; ", network.RegionsCovered.Select(r => r.Name))}", texts);
        SectionProperties section = body.Elements<SectionProperties>().Single();
        Assert.Equal(PageOrientationValues.Landscape, section.GetFirstChild<PageSize>()!.Orient!.Value);
    }

    [Fact]
    public void Rebuilds_identical_bytes_from_the_same_data()
    {
        NetworkConsolidation network = Network(8, out _);

        DossierDocuments one = _writer.Write(network, Path.Combine(_folder.Path, "a"), GeneratedAt);
        DossierDocuments two = _writer.Write(network, Path.Combine(_folder.Path, "b"), GeneratedAt);

        Assert.Equal(File.ReadAllBytes(one.CvPath), File.ReadAllBytes(two.CvPath));
        Assert.Equal(File.ReadAllBytes(one.TablesPath), File.ReadAllBytes(two.TablesPath));
    }
}
