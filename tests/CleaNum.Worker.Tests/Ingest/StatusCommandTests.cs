using System.Text.Json;
using CleaNum.Worker.Cli;

namespace CleaNum.Worker.Tests.Ingest;

public sealed class StatusCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cleanum-tests", "status " + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Does_list_every_member_with_its_state_including_roster_members_who_sent_nothing()
    {
        Directory.CreateDirectory(_root);
        File.Copy(IngestFixture.Sample("reseau.xlsx"), Path.Combine(_root, "reseau.xlsx"));
        using var ignored = new StringWriter();
        await CleaNumCommandLine.RunAsync(
            ["ingest", IngestFixture.Sample("acme-formation-idf.xlsx"), IngestFixture.Sample("numerique-grand-est.xlsx"),
             IngestFixture.Sample("erreurs-typiques-formanord.xlsx"), "--data", _root], ignored, ignored);
        using var output = new StringWriter();

        int exit = await CleaNumCommandLine.RunAsync(["status", "--data", _root], output, ignored);

        Assert.Equal(ExitCodes.Ok, exit);
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("ACME Formation", StringComparison.Ordinal) && l.TrimEnd().EndsWith("valide", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Numérique Grand Est", StringComparison.Ordinal) && l.Contains("avec avertissements", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("FormaNord", StringComparison.Ordinal) && l.Contains("en erreur", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Pays de la Loire", StringComparison.Ordinal) && l.Contains("manquant", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "annexe"), "*Etat-des-membres.xlsx"));
    }

    [Fact]
    public async Task Does_answer_in_json_when_asked()
    {
        using var ignored = new StringWriter();
        await CleaNumCommandLine.RunAsync(["ingest", IngestFixture.Sample("acme-formation-idf.xlsx"), "--data", _root], ignored, ignored);
        using var output = new StringWriter();

        int exit = await CleaNumCommandLine.RunAsync(["status", "--data", _root, "--json"], output, ignored);

        Assert.Equal(ExitCodes.Ok, exit);
        using JsonDocument json = JsonDocument.Parse(output.ToString());
        Assert.Contains("832147565", json.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
