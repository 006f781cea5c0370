using System.Data.Common;
using CleaNum.Core.Ports;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CleaNum.Storage.Tests;

public sealed class DatabaseMigratorTests
{
    private const string Password = "S3cret-Pa55word";

    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string> Providers => TestDatabase.AvailableProviders();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Migrates_once_and_is_idempotent(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Store.AddAsync(ASubmission.Full(), None);
        using var second = new DatabaseMigrator(db.Connections, NullLogger<DatabaseMigrator>.Instance);

        await second.MigrateAsync(None);
        await second.MigrateAsync(None);

        int scripts = typeof(DatabaseMigrator).Assembly.GetManifestResourceNames()
            .Count(n => n.Contains($".Migrations.{provider}.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal));
        Assert.True(scripts >= 2, $"{scripts} scripts");
        Assert.Equal(scripts, await db.CountAsync("schema_versions"));
        Assert.Equal(1, await db.CountAsync("submission"));
    }

    [Fact]
    public async Task Puts_the_sqlite_file_in_wal_mode_and_creates_its_folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"cleanum-{Guid.NewGuid():N}", "sub", "dir");
        var options = new StorageOptions { SqlitePath = Path.Combine(folder, "cleanum.db") };
        var connections = new DbConnectionFactory(Options.Create(options), new Dialects.SqliteDialect());
        using var migrator = new DatabaseMigrator(connections, NullLogger<DatabaseMigrator>.Instance);

        await migrator.MigrateAsync(None);
        string mode;
        await using (DbConnection connection = await connections.OpenAsync(None))
        {
            mode = await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode") ?? "";
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(folder))!, recursive: true);
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task Every_sqlite_connection_has_its_pragmas_also_when_taken_again_from_the_pool()
    {
        // The PRAGMAs are set once per native connection (not on every open): a pooled one must still have them, and
        // a new native connection (after the pool was cleared) gets them too.
        string folder = Directory.CreateTempSubdirectory("cleanum-pragmas-").FullName;
        var options = new StorageOptions { SqlitePath = Path.Combine(folder, "cleanum.db"), CommandTimeout = TimeSpan.FromSeconds(7) };
        var connections = new DbConnectionFactory(Options.Create(options), new Dialects.SqliteDialect());
        var seen = new List<(long ForeignKeys, long Synchronous, long BusyTimeout)>();
        for (int i = 0; i < 4; i++)
        {
            if (i == 2)
            {
                SqliteConnection.ClearAllPools();
            }

            await using DbConnection connection = await connections.OpenAsync(None);
            seen.Add((await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"),
                await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"),
                await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout")));
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        Assert.All(seen, s => Assert.Equal((1L, 1L, 7000L), s)); // ON, NORMAL, the command timeout
    }

    [Fact]
    public async Task Throws_a_clear_error_when_the_sqlite_file_is_corrupt()
    {
        await using var db = TestDatabase.Unmigrated(TestDatabase.Sqlite);
        await File.WriteAllTextAsync(db.Options.SqlitePath, new string('x', 8192));

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => db.Migrator.MigrateAsync(None));

        Assert.False(error.IsTransient);
        Assert.Contains("Sqlite", error.Message, StringComparison.Ordinal);
        Assert.Contains(db.Options.SqlitePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throws_naming_the_script_when_a_migration_fails()
    {
        await using var db = TestDatabase.Unmigrated(TestDatabase.Sqlite);
        await using (var connection = new SqliteConnection($"Data Source={db.Options.SqlitePath}"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("CREATE TABLE submission (something_else TEXT)"); // not our schema
        }

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => db.Migrator.MigrateAsync(None));

        Assert.False(error.IsTransient);
        Assert.Contains("0001_initial.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("migration", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await CountTablesAsync(db, "member")); // the failed script was rolled back
    }

    [Fact]
    public async Task Names_the_server_but_not_the_password_when_sql_server_is_unreachable()
    {
        var connections = UnreachableSqlServer();
        using var migrator = new DatabaseMigrator(connections, NullLogger<DatabaseMigrator>.Instance);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => migrator.MigrateAsync(None));

        Assert.Contains("SqlServer", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1,1", error.Message, StringComparison.Ordinal);
        Assert.Contains("CleaNum", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_transient_fault_when_sql_server_goes_away_mid_run()
    {
        var store = new SubmissionRepository(UnreachableSqlServer(), NullLogger<SubmissionRepository>.Instance);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.AddAsync(ASubmission.Full(), None));

        Assert.True(error.IsTransient);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_transient_fault_and_stores_nothing_while_the_sqlite_file_is_locked()
    {
        await using var db = TestDatabase.Unmigrated(TestDatabase.Sqlite);
        db.Options.CommandTimeout = TimeSpan.FromSeconds(1);
        await db.Migrator.MigrateAsync(None);
        var submission = ASubmission.Full();

        StorageUnavailableException error;
        await using (var locker = new SqliteConnection($"Data Source={db.Options.SqlitePath};Pooling=False"))
        {
            await locker.OpenAsync();
            await locker.ExecuteAsync("BEGIN EXCLUSIVE");
            error = await Assert.ThrowsAsync<StorageUnavailableException>(() => db.Store.AddAsync(submission, None));
            await locker.ExecuteAsync("ROLLBACK");
        }

        StoreResult retried = await db.Store.AddAsync(submission, None);

        Assert.True(error.IsTransient);
        Assert.False(retried.IsDuplicate);
        Assert.Equal(1, await db.CountAsync("submission"));
    }

    [Fact]
    public async Task Stops_the_host_at_start_when_the_database_is_unreachable()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "SqlServer",
            ["ConnectionStrings:CleaNum"] = UnreachableConnectionString,
        });
        builder.Services.AddCleaNumStorage();
        using IHost host = builder.Build();

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => host.StartAsync());

        Assert.Contains("127.0.0.1,1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wires_the_store_and_runs_the_migrator_first_when_the_host_starts()
    {
        string folder = Directory.CreateTempSubdirectory("cleanum-host-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(folder, "data", "cleanum.db"),
        });
        builder.Services.AddCleaNumStorage();
        builder.Services.AddHostedService<ProbeService>();
        using IHost host = builder.Build();

        await host.StartAsync();
        var store = host.Services.GetRequiredService<ISubmissionStore>();
        StoreResult stored = await store.AddAsync(ASubmission.Full(), None);
        IHostedService first = host.Services.GetServices<IHostedService>().First();
        await host.StopAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);

        Assert.IsType<DatabaseMigrator>(first);
        Assert.Equal(1, stored.Submission.Version);
        Assert.True(ProbeService.SawSchema);
    }

    [Fact]
    public void Refuses_sql_server_without_a_connection_string()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Provider"] = "SqlServer" });
        builder.Services.AddCleaNumStorage();
        using IHost host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("ConnectionStrings:CleaNum", error.Message, StringComparison.Ordinal);
    }

    private const string UnreachableConnectionString =
        $"Server=tcp:127.0.0.1,1;Database=CleaNum;User ID=sa;Password={Password};Connect Timeout=2;Encrypt=False";

    private static DbConnectionFactory UnreachableSqlServer() => new(
        Options.Create(new StorageOptions { Provider = StorageProvider.SqlServer, ConnectionString = UnreachableConnectionString }),
        new Dialects.SqlServerDialect());

    private static async Task<long> CountTablesAsync(TestDatabase db, string name)
    {
        await using var connection = new SqliteConnection($"Data Source={db.Options.SqlitePath}");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @Name", new { Name = name });
    }

    /// <summary>A hosted service registered after storage: by the time it starts, the schema must exist.</summary>
    private sealed class ProbeService(ISubmissionStore store) : IHostedService
    {
        public static bool SawSchema { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await store.GetMemberStatusesAsync(2025, cancellationToken);
            SawSchema = true;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
