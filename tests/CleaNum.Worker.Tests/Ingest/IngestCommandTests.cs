using System.Text.Json;
using CleaNum.Worker.Cli;
using CleaNum.Worker.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CleaNum.Worker.Tests.Ingest;

/// <summary><c>cleanum ingest</c> as a user runs it: arguments in, text or JSON out, exit codes of service.md.</summary>
public sealed class IngestCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cleanum-tests", "cli " + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = await CleaNumCommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Does_print_the_service_md_json_and_exit_1_when_a_file_is_refused()
    {
        (int exit, string stdout, _) = await RunAsync(
            "ingest", IngestFixture.Sample("acme-formation-idf.xlsx"), IngestFixture.Sample("erreurs-typiques-formanord.xlsx"),
            "--data", _root, "--json");

        Assert.Equal(ExitCodes.Findings, exit);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement[] files = [.. json.RootElement.GetProperty("files").EnumerateArray()];
        Assert.Equal(2, files.Length);
        Assert.Equal("accepted", files[0].GetProperty("status").GetString());
        Assert.Equal("ACME Formation", files[0].GetProperty("member").GetProperty("name").GetString());
        Assert.Equal(9, files[0].GetProperty("member").GetProperty("siren").GetString()!.Length);
        Assert.Equal(1, files[0].GetProperty("version").GetInt32());
        Assert.Equal(64, files[0].GetProperty("sha256").GetString()!.Length);
        Assert.StartsWith("rapports/", files[0].GetProperty("report").GetString(), StringComparison.Ordinal);
        Assert.Equal("refused", files[1].GetProperty("status").GetString());
        JsonElement checksum = files[1].GetProperty("issues").EnumerateArray()
            .First(i => i.GetProperty("code").GetString() == "SIRET_CHECKSUM");
        Assert.Equal("error", checksum.GetProperty("severity").GetString());
        Assert.Equal("Etablissements", checksum.GetProperty("sheet").GetString());
        Assert.Equal(3, checksum.GetProperty("row").GetInt32()); // row 2 is the template's example line
        Assert.Equal("SIRET", checksum.GetProperty("column").GetString());
        Assert.Equal(14, checksum.GetProperty("value").GetString()!.Length);
        Assert.False(string.IsNullOrWhiteSpace(checksum.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(checksum.GetProperty("hint").GetString()));
    }

    [Fact]
    public async Task Does_exit_0_and_answer_in_french_when_every_file_is_accepted()
    {
        (int exit, string stdout, _) = await RunAsync("ingest", IngestFixture.Sample("savoirs-occitanie.xls"), "--data", _root);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("savoirs-occitanie.xls", stdout, StringComparison.Ordinal);
        Assert.Contains("accepté", stdout, StringComparison.Ordinal);
        Assert.Contains("1 fichier(s) : 1 accepté(s), 0 refusé(s)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_skip_the_roster_and_readme_when_given_a_folder()
    {
        (int _, string stdout, _) = await RunAsync("ingest", IngestFixture.SampleData, "--data", _root, "--json");

        using JsonDocument json = JsonDocument.Parse(stdout);
        string[] names = [.. json.RootElement.GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetProperty("file").GetString()!))];
        Assert.Equal(7, names.Length);
        Assert.DoesNotContain("reseau.xlsx", names);
        Assert.DoesNotContain("README.md", names);
    }

    [Fact]
    public async Task Does_exit_2_with_a_french_message_for_a_path_that_does_not_exist()
    {
        (int exit, _, string stderr) = await RunAsync("ingest", Path.Combine(_root, "absent.xlsx"), "--data", _root);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("n'existe pas", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_exit_2_on_a_usage_error()
    {
        (int exit, _, string stderr) = await RunAsync("ingest");

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("Erreur", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_leave_the_file_in_depot_and_exit_2_when_the_database_cannot_be_opened()
    {
        string depot = Path.Combine(_root, "depot");
        Directory.CreateDirectory(depot);
        string dropped = Path.Combine(depot, "acme.xlsx");
        File.Copy(IngestFixture.Sample("acme-formation-idf.xlsx"), dropped);
        // A folder where the database file should be: SQLite cannot open it.
        string notAFile = Path.Combine(_root, "pas-une-base.db");
        Directory.CreateDirectory(notAFile);

        (int exit, _, string stderr) = await RunAsync("ingest", dropped, "--data", _root, "--db", $"Data Source={notAFile}");

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("Erreur", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(dropped));
        Assert.False(Directory.Exists(Path.Combine(_root, "archives")) && Directory.EnumerateFiles(Path.Combine(_root, "archives"), "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Does_write_the_template_where_asked()
    {
        string target = Path.Combine(_root, "modèles", "modele membre.xlsx");

        (int exit, string stdout, _) = await RunAsync("template", "--out", target);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.True(new FileInfo(target).Length > 0);
        Assert.Contains(target, stdout, StringComparison.Ordinal);
        using var workbook = new ClosedXML.Excel.XLWorkbook(target);
        Assert.Equal(["Instructions", "Organisme", "Etablissements", "Intervenants", "References", "Activite"], workbook.Worksheets.Where(w => w.Visibility == ClosedXML.Excel.XLWorksheetVisibility.Visible).Select(w => w.Name));
    }

    [Fact]
    public async Task Does_write_an_empty_roster_that_reads_back_once_filled_in()
    {
        string target = Path.Combine(_root, "reseau.xlsx");

        (int exit, string stdout, _) = await RunAsync("template", "--reseau", "--out", target, "--data", _root);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(target))
        {
            Assert.Equal(["Tete de reseau", "Membres"], workbook.Worksheets.Select(w => w.Name));
            Assert.Equal(["SIREN", "Raison sociale", "Lettre de mandat reçue", "Date du mandat", "Courriel"],
                workbook.Worksheet("Membres").Row(1).CellsUsed().Select(c => c.GetString()));
            Assert.True(workbook.Worksheet("Membres").Cell(2, 1).IsEmpty());
            var head = workbook.Worksheet("Tete de reseau");
            head.Cell(1, 2).SetValue("Réseau Test");
            head.Cell(2, 2).SetValue("732829320");
            head.Cell(4, 2).SetValue("Oui");
            var members = workbook.Worksheet("Membres");
            members.Cell(2, 1).SetValue("552100554");
            members.Cell(2, 3).SetValue("Oui");
            members.Cell(2, 5).SetValue("contact@membre.fr");
            workbook.Save();
        }

        using IHost host = CleaNumHost.Build(new GlobalOptions(_root, null, Json: false), service: false);
        CleaNum.Core.Domain.NetworkRoster roster = host.Services.GetRequiredService<IRosterSource>().Load(CancellationToken.None)!;

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(target, stdout, StringComparison.Ordinal);
        Assert.Equal(("Réseau Test", true), (roster.Head.Name, roster.Head.CleaActivity));
        CleaNum.Core.Domain.RosterMember member = Assert.Single(roster.Members);
        Assert.Equal(("552100554", true, "contact@membre.fr"), (member.Siren, member.MandateReceived, member.Email));
    }
}
