using System.Text.RegularExpressions;
using CleaNum.Worker.Tests.Cli;
using CleaNum.Worker.Tests.Service;
using Microsoft.Playwright;

namespace CleaNum.Worker.Tests.Web;

/// <summary>Runs only where Debian's chromium is installed (<c>.ci/run</c> installs it); Playwright never downloads a
/// browser here.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = $"{Chromium} is not installed (apt-get install -y --no-install-recommends chromium)";
        }
    }
}

/// <summary>End to end, as the network head would: a real <c>cleanum run</c> fed with sample-data, its dashboard in a
/// real Chromium driven by Playwright. Screenshots go to <c>captures-navigateur/</c> in the test output.</summary>
public sealed partial class DashboardBrowserTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static string Screenshots => Path.Combine(AppContext.BaseDirectory, "captures-navigateur");

    [ChromiumFact]
    public async Task Does_show_the_demo_network_open_a_refused_member_and_consolidate_from_the_browser()
    {
        string root = ServiceFixture.NewRoot();
        File.Copy(ServiceFixture.Sample("reseau.xlsx"), Path.Combine(root, "reseau.xlsx"));
        Directory.CreateDirectory(Path.Combine(root, "depot"));
        foreach (string file in DashboardFixture.MemberFiles)
        {
            File.Copy(ServiceFixture.Sample(file), Path.Combine(root, "depot", file));
        }

        Directory.CreateDirectory(Screenshots);
        using var run = CleaNumProcess.Start($"run --data \"{root}\"", new Dictionary<string, string> { ["CLEANUM__Web__Urls"] = "http://127.0.0.1:0" });
        try
        {
            Assert.True(await ServiceFixture.WaitUntilAsync(() => Address().IsMatch(run.StandardError) || run.HasExited, Timeout), run.StandardError);
            string home = Address().Match(run.StandardError).Groups[1].Value;
            Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(new DataFolder(root)).Count == DashboardFixture.MemberFiles.Length, Timeout), run.StandardError);

            Assertions.SetDefaultExpectTimeout(30_000); // a loaded CI machine, several suites at once
            // Playwright's actions have their own timeouts, but starting its driver and closing the browser do not; once,
            // under a heavy load, this test stalled the suite for ten minutes. A hang now fails the test after 5 minutes.
            await BrowseAsync(home).WaitAsync(TimeSpan.FromMinutes(5));
        }
        finally
        {
            run.Terminate();
            await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // best effort: temp folder
            }
        }
    }

    [GeneratedRegex("tableau de bord : (http://127\\.0\\.0\\.1:\\d+/)")]
    private static partial Regex Address();

    /// <summary>The user's tour of the dashboard at <paramref name="home"/>, in a real Chromium.</summary>
    private static async Task BrowseAsync(string home)
    {
        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "fr-FR" });
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text); // a CSP violation shows here
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        // the campaign at a glance and the map
        await page.GotoAsync(home);
        await Assertions.Expect(page.Locator("#avancement .grand")).ToHaveTextAsync("5 / 7");
        int regions = await page.Locator("#carte-regions .legende li").CountAsync(); // one line per covered région
        Assert.InRange(regions, 4, 13);
        await Assertions.Expect(page.Locator("path.region.couverte")).ToHaveCountAsync(regions);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "1-vue-d-ensemble.png"), FullPage = true });

        // every member and its state
        await page.GetByRole(AriaRole.Link, new() { Name = "Membres", Exact = true }).ClickAsync();
        ILocator rows = page.Locator("#membres tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(7);
        (string Name, string State)[] expected =
        [
            ("ACME Formation", "valide"), ("Cap Numérique Bretagne", "valide"), ("Compétences Numériques Pays de la Loire", "manquant"),
            ("FormaCléA Auvergne-Rhône-Alpes", "valide"), ("FormaNord", "en erreur"), ("Numérique Grand Est", "avec avertissements"),
            ("Savoirs et Compétences Occitanie", "valide"),
        ];
        foreach ((string name, string state) in expected)
        {
            ILocator row = rows.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
            await Assertions.Expect(row.Locator(".etat")).ToHaveTextAsync(state);
        }

        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Erreurs" }).ClickAsync(); // sort by errors, twice: most first
        await page.GetByRole(AriaRole.Columnheader, new() { Name = "Erreurs" }).ClickAsync();
        await Assertions.Expect(rows.First.Locator("td").First).ToHaveTextAsync("FormaNord");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "2-membres.png"), FullPage = true });

        // a refused member and its errors
        await page.GetByRole(AriaRole.Link, new() { Name = "FormaNord", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "FormaNord", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#etat-membre")).ToHaveTextAsync("en erreur");
        ILocator issues = page.Locator("#anomalies-membre tbody");
        foreach (string code in new[] { "SIRET_CHECKSUM", "SIRET_SIREN_MISMATCH", "QUALIOPI_EXPIRED", "EMAIL_FORMAT", "MANDATE_MISSING" })
        {
            await Assertions.Expect(issues).ToContainTextAsync(code);
        }

        await Assertions.Expect(page.Locator("#rapports a").First).ToHaveAttributeAsync("href", new Regex("^/fichiers/rapports/"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "3-membre-refuse.png"), FullPage = true });

        // « Consolider maintenant »: the annex appears without reloading
        await page.GetByRole(AriaRole.Link, new() { Name = "Annexe", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#fichiers-annexe a")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Consolider maintenant" }).ClickAsync();
        await Assertions.Expect(page.Locator("#fichiers-annexe a", new() { HasTextRegex = new Regex("-PJ1-\\d{6}\\.xlsx$") }))
            .ToBeVisibleAsync(new() { Timeout = 90_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "4-annexe.png"), FullPage = true });

        Assert.Empty(problems);
    }
}
