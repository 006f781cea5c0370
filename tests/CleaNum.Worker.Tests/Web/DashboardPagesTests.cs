using System.Net;
using System.Text.RegularExpressions;

namespace CleaNum.Worker.Tests.Web;

/// <summary>The dashboard's pages over HTTP, served by the real service fed with sample-data.</summary>
[Collection(DashboardTestGroup.Name)]
public sealed partial class DashboardPagesTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Does_show_every_member_with_its_state_on_the_members_page()
    {
        using HttpClient client = fixture.Client();

        string html = WebUtility.HtmlDecode(await client.GetStringAsync("/membres"));

        foreach (string name in new[] { "ACME Formation", "Cap Numérique Bretagne", "Savoirs et Compétences Occitanie", "FormaCléA Auvergne-Rhône-Alpes", "Numérique Grand Est", "FormaNord", "Compétences Numériques Pays de la Loire" })
        {
            Assert.Contains($">{name}</a>", html, StringComparison.Ordinal);
        }

        Assert.Equal(7, Regex.Count(html, "<tr data-siren="));

        Assert.Contains("etat-erreur", html, StringComparison.Ordinal);
        Assert.Contains("etat-manquant", html, StringComparison.Ordinal);
        Assert.Contains("etat-avertissements", html, StringComparison.Ordinal);
        Assert.Contains("etat-valide", html, StringComparison.Ordinal);
        Assert.Contains("non reçu", html, StringComparison.Ordinal); // FormaNord's mandate
    }

    [Fact]
    public async Task Does_show_a_refused_members_errors_and_links_its_reports()
    {
        using HttpClient client = fixture.Client();
        string members = WebUtility.HtmlDecode(await client.GetStringAsync("/membres"));
        string link = Regex.Match(members, "<a href=\"(/membres/\\d{9})\">[^<]*FormaNord").Groups[1].Value;

        string html = WebUtility.HtmlDecode(await client.GetStringAsync(link));

        Assert.Contains("en erreur", html, StringComparison.Ordinal);
        Assert.Contains("SIRET_CHECKSUM", html, StringComparison.Ordinal);
        Assert.Contains("QUALIOPI_EXPIRED", html, StringComparison.Ordinal);
        Assert.Contains("MANDATE_MISSING", html, StringComparison.Ordinal);
        Match report = Regex.Match(html, "href=\"(/fichiers/rapports/[^\"]+-Rapport-[^\"]+\\.xlsx)\"");
        Assert.True(report.Success, html);
        using HttpResponseMessage download = await client.GetAsync(report.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.Content.Headers.ContentType?.MediaType);
        byte[] bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a zip: the real workbook
        Assert.Contains("-Annote.xlsx", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_show_the_campaign_at_a_glance_with_the_map_of_covered_regions()
    {
        using HttpClient client = fixture.Client();

        string html = await client.GetStringAsync("/");

        Assert.Contains("<progress", html, StringComparison.Ordinal);
        Assert.Contains("Date limite de dépôt", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Échantillon de CV", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Matches("<path class=\"region couverte\" data-code=\"11\"", html); // ACME in Île-de-France
        Assert.Matches("<path class=\"region couverte\" data-code=\"53\"", html); // Cap Numérique Bretagne
        Assert.Matches("<path class=\"region\" data-code=\"94\"", html); // nobody in Corse
        Assert.Equal(18, Regex.Count(html, "<path class=\"region"));
        Assert.Contains("illisible-formation-plus.xlsx", html, StringComparison.Ordinal); // last events, even without SIREN
    }

    [Fact]
    public async Task Does_answer_404_in_french_for_an_unknown_member_or_page()
    {
        using HttpClient client = fixture.Client();

        using HttpResponseMessage member = await client.GetAsync("/membres/123456789");
        using HttpResponseMessage page = await client.GetAsync("/wp-admin");

        Assert.Equal(HttpStatusCode.NotFound, member.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page introuvable", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/membres")]
    [InlineData("/static/cleanum.js")]
    [InlineData("/nimporte-quoi")]
    public async Task Does_send_the_security_headers_on_every_answer(string path)
    {
        using HttpClient client = fixture.Client();

        using HttpResponseMessage response = await client.GetAsync(path);

        string csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Does_have_no_inline_script_or_style_in_its_pages()
    {
        using HttpClient client = fixture.Client();

        foreach (string path in new[] { "/", "/membres", "/annexe", "/evenements" })
        {
            string html = await client.GetStringAsync(path);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
            Assert.DoesNotMatch("\\sstyle=", html);
            Assert.DoesNotMatch("\\son[a-z]+=", html);
        }
    }

    [Fact]
    public async Task Does_refuse_the_consolidation_post_without_its_anti_forgery_token()
    {
        using HttpClient client = fixture.Client();
        int before = Directory.GetFiles(fixture.Data.Annex).Length;

        using HttpResponseMessage response = await client.PostAsync("/annexe/consolider", new FormUrlEncodedContent([new("x", "1")]));
        await Task.Delay(1000);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, Directory.GetFiles(fixture.Data.Annex).Length);
    }

    [Fact]
    public async Task Does_consolidate_when_the_button_is_pressed_and_lists_the_new_annex()
    {
        using HttpClient client = fixture.Client();
        string page = await client.GetStringAsync("/annexe");
        string before = await client.GetStringAsync("/api/etat");
        Assert.Empty(Directory.GetFiles(fixture.Data.Annex, "*-PJ1-*.xlsx")); // nothing consolidated it before the button

        using HttpResponseMessage response = await client.PostAsync("/annexe/consolider", new FormUrlEncodedContent([new("__jeton", DashboardFixture.Token(page))]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/annexe?demande=1", response.Headers.Location?.OriginalString);
        string annex = "";
        for (int i = 0; i < 120 && !AnnexLink().IsMatch(annex); i++)
        {
            await Task.Delay(500);
            annex = await client.GetStringAsync("/annexe");
        }

        Assert.Matches(AnnexLink(), annex);
        Assert.NotEqual(before, await client.GetStringAsync("/api/etat"));
    }

    [GeneratedRegex("href=\"/fichiers/annexe/CleANum-[^\"]+-PJ1-\\d{6}\\.xlsx\"")]
    private static partial Regex AnnexLink();
}
