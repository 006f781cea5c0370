using System.Net;
using System.Text.RegularExpressions;
using CleaNum.Storage;
using CleaNum.Worker.Ingest;
using CleaNum.Worker.Tests.Service;
using CleaNum.Worker.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CleaNum.Worker.Tests.Web;

/// <summary>The real service host (watcher, dispatcher, Quartz, SQLite file, Kestrel on a free loopback port) fed with
/// every file of <c>sample-data/</c>, and an <see cref="HttpClient"/> on its dashboard. Shared by a test class.</summary>
public partial class DashboardFixture : IAsyncLifetime
{
    private ServiceFixture? _service;

    internal ServiceFixture Service => _service ?? throw new InvalidOperationException("not started");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    internal DataFolder Data => Service.Data;

    /// <summary>Extra settings (sign-in…) a derived fixture adds.</summary>
    /// <summary>Whether the sample files are ingested before the tests.</summary>
    internal virtual bool FeedSamples => true;

    internal virtual Dictionary<string, string?> Settings() => new() { ["Web:Urls"] = "http://127.0.0.1:0" };

    public static readonly string[] MemberFiles =
    [
        "acme-formation-idf.xlsx", "cap-numerique-bretagne.xlsx", "savoirs-occitanie.xls", "formaclea-aura.xlsx",
        "numerique-grand-est.xlsx", "erreurs-typiques-formanord.xlsx", "illisible-formation-plus.xlsx",
    ];

    public async Task InitializeAsync()
    {
        _service = ServiceFixture.Create(settings: Settings());
        // Fed before the service starts, as « cleanum ingest » would (host built, database migrated): a file this
        // process is ingesting must not be in en-cours/ when the starting dispatcher puts en-cours/ back into depot/.
        await Service.Host.Services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        IngestBatch fed = await Service.Host.Services.GetRequiredService<FileIngestion>().IngestAllAsync(
            FeedSamples ? [.. MemberFiles.Select(ServiceFixture.Sample)] : [], null, CancellationToken.None);
        Assert.Null(fed.Stopped);

        await Service.StartAsync();
        DashboardServer server = Service.Host.Services.GetRequiredService<DashboardServer>();
        BaseAddress = new Uri(Assert.Single(server.Addresses));
    }

    public HttpClient Client(bool cookies = true) => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = cookies, CookieContainer = new CookieContainer() })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>The anti-forgery field of a form on <paramref name="html"/>.</summary>
    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("no anti-forgery field in the page");

    public virtual async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    [GeneratedRegex("name=\"__jeton\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>One fed service for all the dashboard's HTTP tests (ingesting sample-data once).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardTestGroup : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Tableau de bord";
}
