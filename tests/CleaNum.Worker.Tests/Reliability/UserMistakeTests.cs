using System.Text.Json;
using CleaNum.Worker.Tests.Cli;
using CleaNum.Worker.Tests.Service;

namespace CleaNum.Worker.Tests.Reliability;

/// <summary>
/// service.md: every mistake a user can make on the command line ends with one French sentence naming the thing and
/// what to do, exit code 2, no stack trace — checked on the real executable, as a user would run it.
/// </summary>
public sealed class UserMistakeTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _root = ServiceFixture.NewRoot();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Machine.Sh($"chattr -R -i {Machine.Quote(_root)} 2>/dev/null; rm -rf {Machine.Quote(_root)}", check: false);
    }

    private static async Task<CleaNumProcess> RunAsync(string arguments)
    {
        CleaNumProcess process = CleaNumProcess.Start(arguments);
        Assert.True(await process.WaitForExitAsync(Timeout), process.StandardError);
        return process;
    }

    /// <summary>Exit 2 and one French sentence, no .NET text, no stack trace.</summary>
    private static void AssertOneFrenchSentence(CleaNumProcess process, string expected)
    {
        string stderr = process.StandardError;
        Assert.Equal(2, process.ExitCode);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.StartsWith("Erreur", stderr.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Access to the path", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("already exists", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Says_in_french_that_data_names_a_file()
    {
        string file = Path.Combine(_root, "notes.txt");
        await File.WriteAllTextAsync(file, "pas un dossier");

        using CleaNumProcess status = await RunAsync($"status --data \"{file}\"");

        AssertOneFrenchSentence(status, "est un fichier, pas un dossier");
    }

    [Fact]
    public async Task Does_not_create_a_mistyped_data_folder_for_status_nor_consolidate()
    {
        string mistyped = Path.Combine(_root, "clenum-donnees");

        using CleaNumProcess status = await RunAsync($"status --data \"{mistyped}\"");
        using CleaNumProcess consolidate = await RunAsync($"consolidate --data \"{mistyped}\" --json");

        AssertOneFrenchSentence(status, "n'existe pas");
        AssertOneFrenchSentence(consolidate, "n'existe pas");
        Assert.False(Directory.Exists(mistyped));
        Assert.Contains("n'existe pas", JsonDocument.Parse(consolidate.StandardOutput).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_db_value_that_is_not_a_connection_string()
    {
        string data = Path.Combine(_root, "données");
        Directory.CreateDirectory(data);

        using CleaNumProcess notOne = await RunAsync($"status --data \"{data}\" --db \"not a connection string\"");
        using CleaNumProcess malformed = await RunAsync($"run --data \"{data}\" --db \"Data Source=x.db;Cle Inconnue=1\"");

        AssertOneFrenchSentence(notOne, "n'est pas une chaîne de connexion");
        AssertOneFrenchSentence(malformed, "mal formée");
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "not a connection string")));
        Assert.False(File.Exists(Path.Combine(data, "not a connection string")));
    }

    [LinuxRootFact]
    public async Task Says_in_french_that_the_data_folder_is_not_writable()
    {
        string data = Path.Combine(_root, "protégé");
        Directory.CreateDirectory(data);
        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), Path.Combine(_root, "acme.xlsx"));
        using (Machine.Immutable(data))
        {
            using CleaNumProcess ingest = await RunAsync($"ingest \"{Path.Combine(_root, "acme.xlsx")}\" --data \"{data}\"");
            using CleaNumProcess run = await RunAsync($"run --data \"{data}\"");

            AssertOneFrenchSentence(ingest, "impossible d'écrire");
            AssertOneFrenchSentence(run, "impossible d'écrire");
        }
    }

    [LinuxRootFact]
    public async Task Says_in_french_that_the_demo_folder_is_read_only()
    {
        string data = Path.Combine(_root, "lecture seule");
        Directory.CreateDirectory(data);
        Machine.Sh($"mount --bind {Machine.Quote(data)} {Machine.Quote(data)} && mount -o remount,bind,ro {Machine.Quote(data)}");
        try
        {
            using CleaNumProcess demo = await RunAsync($"demo --data \"{data}\"");

            AssertOneFrenchSentence(demo, "impossible d'écrire");
        }
        finally
        {
            Machine.Sh($"umount {Machine.Quote(data)}", check: false);
        }
    }

    [LinuxRootFact]
    public async Task Says_in_french_that_the_disk_is_full()
    {
        string data = Path.Combine(_root, "plein");
        using (Machine.SmallDisk(data, 256))
        {
            Machine.Fill(data);
            using CleaNumProcess ingest = await RunAsync($"ingest \"{ServiceFixture.Sample("acme-formation-idf.xlsx")}\" --data \"{data}\" --json");

            AssertOneFrenchSentence(ingest, "disque est plein");
            Assert.Contains("disque est plein", JsonDocument.Parse(ingest.StandardOutput).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Does_not_race_a_running_service_with_ingest_or_consolidate()
    {
        string data = Path.Combine(_root, "service");
        using var service = CleaNumProcess.Start($"run --data \"{data}\"");
        Assert.True(await service.WaitForStartAsync(Timeout), service.StandardError);
        string file = Path.Combine(_root, "acme.xlsx");
        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), file);

        using CleaNumProcess ingest = await RunAsync($"ingest \"{Path.Combine(data, "depot")}\" \"{file}\" --data \"{data}\" --json");
        using CleaNumProcess consolidate = await RunAsync($"consolidate --data \"{data}\"");

        AssertOneFrenchSentence(ingest, "cleanum run");
        AssertOneFrenchSentence(consolidate, "cleanum run");
        Assert.Contains("depot", JsonDocument.Parse(ingest.StandardOutput).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(file));
        service.Terminate();
        Assert.True(await service.WaitForExitAsync(Timeout));
        Assert.Equal(0, service.ExitCode);
    }
}
