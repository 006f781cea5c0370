using System.Text.Json;
using CleaNum.Core;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Export;
using CleaNum.Storage;
using CleaNum.Worker.Cli;
using CleaNum.Worker.Consolidation;
using CleaNum.Worker.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CleaNum.Worker.Tests.Consolidation;

public sealed class ConsolidationServiceTests : IAsyncDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cleanum-consolidation-").FullName;
    private readonly FixedRoster _roster = new();
    private readonly ServiceProvider _services;

    public ConsolidationServiceTests()
    {
        var data = new DataFolder(_root).EnsureCreated();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = data.DatabasePath,
            ["CleaNum:Campaign"] = "2025",
            ["CleaNum:NetworkHeadName"] = "Fédération Île-de-France",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        services.AddCleaNumStorage();
        services.AddOptions<CleaNumOptions>().BindConfiguration(CleaNumOptions.SectionName);
        services.AddSingleton(data);
        services.AddCleaNumCore();
        services.AddCleaNumExport();
        services.AddSingleton<IRosterSource>(_roster);
        services.AddCleaNumConsolidation();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private async Task StoreAsync(IEnumerable<Submission> submissions)
    {
        await _services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var store = _services.GetRequiredService<ISubmissionStore>();
        foreach (Submission s in submissions)
        {
            await store.AddAsync(s with { Id = 0, Version = 0 }, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Writes_annex_and_status_workbook_from_the_store_and_exits_0()
    {
        List<Submission> members = TestNetwork.Members(62);
        await StoreAsync(members);
        _roster.Roster = TestNetwork.Roster(members);

        ConsolidationOutcome outcome = await _services.GetRequiredService<ConsolidationService>().RunAsync(CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Equal("annexe/CleANum-Reseau_Numerique_Solidaire-PJ1-011225.xlsx", outcome.AnnexPath);
        Assert.Equal("annexe/CleANum-Reseau_Numerique_Solidaire-Etat-des-membres.xlsx", outcome.StatusPath);
        Assert.True(File.Exists(Path.Combine(_root, outcome.AnnexPath!)));
        Assert.True(File.Exists(Path.Combine(_root, outcome.StatusPath!)));
        Assert.Equal("annexe/CleANum-Reseau_Numerique_Solidaire-PJ2-011225.docx", outcome.CvDocumentPath);
        Assert.Equal("annexe/CleANum-Reseau_Numerique_Solidaire-PJ3-011225.docx", outcome.TablesDocumentPath);
        Assert.True(File.Exists(Path.Combine(_root, outcome.CvDocumentPath!)));
        Assert.True(File.Exists(Path.Combine(_root, outcome.TablesDocumentPath!)));
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, "annexe"), "*.tmp*"));
        Assert.Equal(ExitCodes.Ok, outcome.ExitCode);
        Assert.Equal(members.Sum(m => m.Data!.Establishments.Count), outcome.Consolidation!.Establishments.Count);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Tells_a_member_that_renamed_itself_from_another_organisation_claiming_its_siren(bool sameNda, bool expectConflict)
    {
        List<Submission> members = TestNetwork.Members(3);
        Submission before = members[1];
        MemberOrganisation renamed = before.Data!.Organisation with
        {
            Name = "Nouveau Nom Formation SAS",
            Nda = sameNda ? before.Data.Organisation.Nda : "93130000013",
        };
        Submission after = before with
        {
            Sha256 = new string('f', 64),
            FileName = "nouveau-nom.xlsx",
            MemberName = renamed.Name,
            ReceivedAtUtc = before.ReceivedAtUtc.AddDays(2),
            Data = before.Data with { Organisation = renamed },
        };
        await StoreAsync([.. members, after]);

        ConsolidationOutcome outcome = await _services.GetRequiredService<ConsolidationService>().RunAsync(CancellationToken.None);

        bool conflict = outcome.Consolidation!.NetworkIssues.Any(i => i.Issue.Code == CleaNum.Core.Issues.IssueCodes.SirenConflict && i.Siren == before.Siren);
        Assert.Equal(expectConflict, conflict);
        Assert.Equal(!expectConflict, outcome.Consolidation.Members.Single(m => m.Siren == before.Siren).Included);
    }

    [Fact]
    public async Task Exits_1_and_reports_network_errors_in_the_json_shape_of_service_md()
    {
        List<Submission> members = TestNetwork.Members(4);
        Submission b = members[3];
        members[3] = b with { Data = b.Data! with { Establishments = [.. b.Data.Establishments, members[0].Data!.Establishments[0] with { Row = 20 }] } };
        await StoreAsync(members);

        ConsolidationOutcome outcome = await _services.GetRequiredService<ConsolidationService>().RunAsync(CancellationToken.None);
        using JsonDocument json = JsonDocument.Parse(JsonOutput.Serialize(ConsolidationJson.ToJsonObject(outcome)));

        Assert.Equal(ExitCodes.Findings, outcome.ExitCode);
        JsonElement root = json.RootElement;
        Assert.Equal("annexe/CleANum-Federation_Ile-de-France-PJ1-011225.xlsx", root.GetProperty("annex").GetString());
        Assert.Equal("annexe/CleANum-Federation_Ile-de-France-PJ2-011225.docx", root.GetProperty("cvs").GetString());
        Assert.Equal("annexe/CleANum-Federation_Ile-de-France-PJ3-011225.docx", root.GetProperty("tables").GetString());
        Assert.Equal(2, root.GetProperty("members").GetInt32());
        Assert.Equal(outcome.Consolidation!.Establishments.Count, root.GetProperty("establishments").GetInt32());
        JsonElement sample = root.GetProperty("cvSample");
        Assert.Equal(4, sample.GetProperty("required").GetInt32());
        Assert.Equal(4, sample.GetProperty("selected").GetInt32());
        Assert.StartsWith("Réseau de 4 membre(s), au plus 50", sample.GetProperty("rule").GetString(), StringComparison.Ordinal); // network size: 4 members sent a file
        Assert.Contains("(2 membre(s) retenu(s) dans l'annexe)", sample.GetProperty("rule").GetString(), StringComparison.Ordinal);
        JsonElement[] issues = [.. root.GetProperty("issues").EnumerateArray()];
        Assert.Equal(2, issues.Length);
        Assert.All(issues, i => Assert.Equal("SIRET_DUPLICATE_NETWORK", i.GetProperty("code").GetString()));
        Assert.All(issues, i => Assert.Equal("error", i.GetProperty("severity").GetString()));
    }

    [Fact]
    public async Task Exits_2_when_the_annex_folder_cannot_be_written()
    {
        await StoreAsync(TestNetwork.Members(2));
        var data = _services.GetRequiredService<DataFolder>();
        Directory.Delete(data.Annex);
        await File.WriteAllTextAsync(data.Annex, "not a folder");

        ConsolidationOutcome outcome = await _services.GetRequiredService<ConsolidationService>().RunAsync(CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, outcome.ExitCode);
        Assert.NotNull(outcome.Failure);
        using JsonDocument json = JsonDocument.Parse(JsonOutput.Serialize(ConsolidationJson.ToJsonObject(outcome)));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("annex").ValueKind);
    }

    [Fact]
    public async Task Lists_roster_members_who_sent_nothing_as_missing_in_the_status()
    {
        List<Submission> members = TestNetwork.Members(3);
        await StoreAsync(members);
        _roster.Roster = TestNetwork.Roster(members, TestNetwork.Siren(777));

        (var consolidation, _, string statusPath) = await _services.GetRequiredService<ConsolidationService>().WriteStatusAsync(CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(_root, statusPath)));
        Assert.Equal(Core.Consolidation.MemberState.Missing, Assert.Single(consolidation.Members, m => m.Siren == TestNetwork.Siren(777)).State);
        using JsonDocument json = JsonDocument.Parse(JsonOutput.Serialize(ConsolidationJson.StatusJsonObject(consolidation)));
        Assert.Contains(json.RootElement.GetProperty("members").EnumerateArray(), m => m.GetProperty("state").GetString() == "manquant");
    }

    private sealed class FixedRoster : IRosterSource
    {
        public NetworkRoster? Roster { get; set; }

        public NetworkRoster? Load(CancellationToken cancellationToken) => Roster;
    }
}
