using CleaNum.Core.Consolidation;
using CleaNum.Core.Ports;
using CleaNum.Worker.Service;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CleaNum.Worker.Tests.Service;

/// <summary>The running service (in process) on real folders: what it takes, when, and exactly once.</summary>
public sealed class SubmissionDispatcherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Does_take_a_slowly_written_file_only_once_it_is_complete()
    {
        await using var service = ServiceFixture.Create();
        await service.StartAsync();
        byte[] bytes = await File.ReadAllBytesAsync(ServiceFixture.Sample("acme-formation-idf.xlsx"));
        string target = service.Depot("acme lente.xlsx");

        // a copy that closes the file between chunks (like a network copy): only size and time show it is not done
        int chunk = bytes.Length / 8 + 1;
        for (int offset = 0; offset < bytes.Length; offset += chunk)
        {
            await using (var stream = new FileStream(target, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)));
            }

            await Task.Delay(ServiceFixture.StabilityDelay / 3);
        }

        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Count == 1, Timeout));

        await Task.Delay(ServiceFixture.StabilityDelay * 3);
        string archived = Assert.Single(ServiceFixture.Files(service.Data.Archives));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(archived));
        Assert.Empty(ServiceFixture.Files(service.Data.Refused));
        Assert.Equal(1, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
    }

    [Fact]
    public async Task Does_wait_while_another_handle_holds_the_file_exclusively()
    {
        await using var service = ServiceFixture.Create();
        await service.StartAsync();
        string target = service.Depot("cap bretagne.xlsx");
        var writer = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        byte[] bytes = await File.ReadAllBytesAsync(ServiceFixture.Sample("cap-numerique-bretagne.xlsx"));
        await writer.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
        await writer.FlushAsync();

        await Task.Delay(ServiceFixture.StabilityDelay * 5); // long after size and time stopped changing
        bool takenWhileLocked = ServiceFixture.FinalNames(service.Data).Count > 0 || !File.Exists(target);
        await writer.WriteAsync(bytes.AsMemory(bytes.Length / 2));
        await writer.DisposeAsync();

        Assert.False(takenWhileLocked);
        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.Files(service.Data.Archives).Count == 1, Timeout));
        Assert.Empty(ServiceFixture.Files(service.Data.Refused));
    }

    [Fact]
    public async Task Does_ignore_lock_and_partial_files_and_take_sub_folders_with_accents()
    {
        await using var service = ServiceFixture.Create();
        await service.StartAsync();
        string[] ignored =
        [
            service.Depot("~$acme-formation-idf.xlsx"),
            service.Depot("téléchargement.xlsx.part"),
            service.Depot("brouillon.tmp"),
            service.Depot(".caché.xlsx"),
            service.Depot(Path.Combine(".corbeille", "vieux.xlsx")),
        ];
        foreach (string path in ignored)
        {
            File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), path);
        }

        string nested = service.Depot(Path.Combine("Région Occitanie", "dépôt n°2", "savoirs occitanie é.xls"));
        File.Copy(ServiceFixture.Sample("savoirs-occitanie.xls"), nested);

        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Count == 1, Timeout));
        await Task.Delay(ServiceFixture.StabilityDelay * 3);

        Assert.Equal(["savoirs occitanie é.xls"], ServiceFixture.FinalNames(service.Data));
        Assert.All(ignored, path => Assert.True(File.Exists(path), path));
        Assert.False(File.Exists(nested));
        Assert.Empty(ServiceFixture.Files(service.Data.InProgress));
    }

    [Fact]
    public async Task Does_process_500_files_waiting_at_start_up_exactly_once()
    {
        string root = ServiceFixture.NewRoot();
        string depot = Path.Combine(root, "depot");
        Directory.CreateDirectory(Path.Combine(depot, "lot b"));
        var names = new List<string>();
        for (int i = 0; i < 500; i++)
        {
            string name = $"membre {i:D3}.xlsx";
            string path = i % 5 == 0 ? Path.Combine(depot, "lot b", name) : Path.Combine(depot, name);
            if (i % 50 == 0)
            {
                ServiceFixture.WriteVariant("acme-formation-idf.xlsx", path, i); // real workbooks: new versions of ACME
            }
            else
            {
                ServiceFixture.WriteRefusable(path, i);
            }

            names.Add(name);
        }

        await using var service = ServiceFixture.Create(root);
        await service.StartAsync();

        Assert.True(await ServiceFixture.WaitUntilAsync(() => service.Dispatcher.Processed >= 500, TimeSpan.FromSeconds(120)),
            $"processed {service.Dispatcher.Processed}");
        await service.StopAsync();

        Assert.Equal(names.Order(StringComparer.Ordinal), ServiceFixture.FinalNames(service.Data).Order(StringComparer.Ordinal));
        Assert.Empty(ServiceFixture.Files(service.Data.Depot));
        Assert.Empty(ServiceFixture.Files(service.Data.InProgress));
        Assert.Equal(500, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
        Assert.Equal(10, ServiceFixture.Files(service.Data.Archives).Count);
    }

    [Fact]
    public async Task Does_carry_on_when_files_vanish_before_or_while_being_taken()
    {
        await using var service = ServiceFixture.Create();
        await service.StartAsync();
        var paths = new List<string>();
        for (int i = 0; i < 30; i++)
        {
            string path = service.Depot($"éphémère {i:D2}.xlsx");
            ServiceFixture.WriteRefusable(path, i);
            paths.Add(path);
        }

        // the member deletes them while the service picks them up: some go through, the others simply disappear
        await Task.Delay(ServiceFixture.StabilityDelay);
        foreach (string path in paths)
        {
            File.Delete(path);
            await Task.Delay(15);
        }

        string after = service.Depot("après.xls");
        File.Copy(ServiceFixture.Sample("savoirs-occitanie.xls"), after);

        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.FinalNames(service.Data).Contains("après.xls"), Timeout));
        List<string> done = ServiceFixture.FinalNames(service.Data);
        Assert.Equal(done.Count, done.Distinct().Count());
        Assert.Empty(ServiceFixture.Files(service.Data.InProgress));
        Assert.Empty(ServiceFixture.Files(service.Data.Depot));
        Assert.Equal(done.Count, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
    }

    [Fact]
    public async Task Does_keep_files_in_depot_while_the_database_is_locked_then_ingest_them()
    {
        await using var service = ServiceFixture.Create(settings: new Dictionary<string, string?> { ["Storage:CommandTimeout"] = "00:00:01" });
        await service.StartAsync();
        await using SqliteConnection blocker = await LockExclusivelyAsync(service.Data.DatabasePath);

        string dropped = service.Depot("acme pendant panne.xlsx");
        File.Copy(ServiceFixture.Sample("acme-formation-idf.xlsx"), dropped);
        await Task.Delay(TimeSpan.FromSeconds(4)); // several attempts, each refused by the lock
        // between attempts it is back in depot/; during one it is in en-cours/; never archived nor lost
        bool stayed = ServiceFixture.FinalNames(service.Data).Count == 0
            && (File.Exists(dropped) || ServiceFixture.Files(service.Data.InProgress).Count == 1);
        await ExecuteAsync(blocker, "ROLLBACK;");

        Assert.True(stayed, string.Join(", ", ServiceFixture.Files(service.Root).Select(f => Path.GetRelativePath(service.Root, f))));
        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.Files(service.Data.Archives).Count == 1, Timeout));
        Assert.False(File.Exists(dropped));
        Assert.Equal(1, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
    }

    [Fact]
    public async Task Does_put_the_file_prepared_ahead_back_in_depot_each_time_the_database_is_locked_then_ingest_every_file_once()
    {
        await using var service = ServiceFixture.Create(settings: new Dictionary<string, string?> { ["Storage:CommandTimeout"] = "00:00:01" });
        await service.StartAsync();
        await using SqliteConnection blocker = await LockExclusivelyAsync(service.Data.DatabasePath);

        // While the first file waits for the lock, the second is prepared ahead (claimed into en-cours/): each failed
        // attempt must put both back, so that nothing is stuck in en-cours/ once the database is back.
        string[] samples = ["acme-formation-idf.xlsx", "cap-numerique-bretagne.xlsx", "formaclea-aura.xlsx"];
        foreach (string sample in samples)
        {
            File.Copy(ServiceFixture.Sample(sample), service.Depot("panne " + sample));
        }

        bool neverLost = true;
        for (int i = 0; i < 16; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            neverLost &= ServiceFixture.FinalNames(service.Data).Count == 0
                && ServiceFixture.Files(service.Data.Depot).Count + ServiceFixture.Files(service.Data.InProgress).Count == samples.Length;
        }

        await ExecuteAsync(blocker, "ROLLBACK;");

        Assert.True(neverLost);
        Assert.True(await ServiceFixture.WaitUntilAsync(() => ServiceFixture.Files(service.Data.Archives).Count == samples.Length, Timeout),
            string.Join(", ", ServiceFixture.Files(service.Root).Select(f => Path.GetRelativePath(service.Root, f))));
        Assert.Empty(ServiceFixture.Files(service.Data.Depot));
        Assert.Empty(ServiceFixture.Files(service.Data.InProgress));
        Assert.Equal(samples.Length, ServiceFixture.SubmissionCount(service.Data.DatabasePath));
    }

    [Fact]
    public async Task Does_consolidate_when_consolider_is_dropped_and_never_during_an_ingestion()
    {
        var runner = new RecordingAnnexWriter();
        await using var service = ServiceFixture.Create(configure: s => s.Decorate<IAnnexWriter>(inner => runner.Around(inner)));
        runner.Data = service.Data;
        await service.StartAsync();
        for (int i = 0; i < 15; i++)
        {
            ServiceFixture.WriteRefusable(service.Depot($"lot {i:D2}.xlsx"), i);
        }

        File.WriteAllText(service.Depot("CONSOLIDER.txt"), "");
        for (int i = 15; i < 30; i++)
        {
            ServiceFixture.WriteRefusable(service.Depot($"lot {i:D2}.xlsx"), i);
        }

        Assert.True(await ServiceFixture.WaitUntilAsync(() => runner.Runs > 0 && ServiceFixture.FinalNames(service.Data).Count == 30, Timeout));
        File.WriteAllText(service.Depot(Path.Combine("sous dossier", "consolider")), "");
        Assert.True(await ServiceFixture.WaitUntilAsync(() => runner.Runs > 1, Timeout));

        Assert.False(File.Exists(service.Depot("CONSOLIDER.txt")));
        Assert.False(File.Exists(service.Depot(Path.Combine("sous dossier", "consolider"))));
        Assert.Equal(0, runner.RunsDuringIngestion);
        Assert.DoesNotContain("CONSOLIDER.txt", ServiceFixture.FinalNames(service.Data));
    }

    /// <summary>Wraps the real annex writer of the real consolidation: records its runs and checks the shared gate
    /// really keeps ingestion out while it runs.</summary>
    private sealed class RecordingAnnexWriter : IAnnexWriter
    {
        private IAnnexWriter? _inner;
        private int _runs;
        private int _overlaps;

        public DataFolder? Data { get; set; }

        public int Runs => Volatile.Read(ref _runs);

        public int RunsDuringIngestion => Volatile.Read(ref _overlaps);

        public IAnnexWriter Around(IAnnexWriter inner)
        {
            _inner = inner;
            return this;
        }

        public string Write(NetworkConsolidation consolidation, string outputFolder, DateTimeOffset generatedAt)
        {
            for (int i = 0; i < 10; i++)
            {
                if (ServiceFixture.Files(Data!.InProgress).Count > 0)
                {
                    Interlocked.Increment(ref _overlaps);
                }

                Thread.Sleep(30);
            }

            string annex = _inner!.Write(consolidation, outputFolder, generatedAt);
            Interlocked.Increment(ref _runs);
            return annex;
        }
    }

    /// <summary>Another connection holding the database in an exclusive transaction until it is rolled back: every
    /// write of the service waits, then fails as « database locked ».</summary>
    private static async Task<SqliteConnection> LockExclusivelyAsync(string databasePath)
    {
        var blocker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        await blocker.OpenAsync();
        await ExecuteAsync(blocker, "BEGIN EXCLUSIVE;");
        return blocker;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
