using System.Data.Common;
using CleaNum.Storage.Dialects;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CleaNum.Storage.Tests;

/// <summary>
/// A fresh, migrated database for one test: a temp SQLite file, or (when <see cref="SqlServerVariable"/> holds a
/// connection string) a new SQL Server database dropped afterwards.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string SqlServerVariable = "CLEANUM_TEST_SQLSERVER";
    public const string Sqlite = nameof(StorageProvider.Sqlite);
    public const string SqlServer = nameof(StorageProvider.SqlServer);

    private readonly string? _folder;

    private TestDatabase(StorageOptions options, string? folder)
    {
        Options = options;
        _folder = folder;
        Connections = new DbConnectionFactory(Microsoft.Extensions.Options.Options.Create(options), CreateDialect(options.Provider));
        Migrator = new DatabaseMigrator(Connections, NullLogger<DatabaseMigrator>.Instance);
        Store = NewStore();
    }

    public StorageOptions Options { get; }

    public DbConnectionFactory Connections { get; }

    public DatabaseMigrator Migrator { get; }

    public SubmissionRepository Store { get; }

    public static string? SqlServerConnectionString =>
        Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } value ? value : null;

    public static TheoryData<string> AvailableProviders()
    {
        var providers = new TheoryData<string> { Sqlite };
        if (SqlServerConnectionString is not null)
        {
            providers.Add(SqlServer);
        }

        return providers;
    }

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        TestDatabase database = Unmigrated(provider);
        await database.Migrator.MigrateAsync(CancellationToken.None);
        return database;
    }

    /// <summary>Options only, no schema yet.</summary>
    public static TestDatabase Unmigrated(string provider)
    {
        if (provider == SqlServer)
        {
            var builder = new SqlConnectionStringBuilder(SqlServerConnectionString
                ?? throw new InvalidOperationException($"{SqlServerVariable} is not set."))
            {
                InitialCatalog = $"cleanum_test_{Guid.NewGuid():N}",
            };
            return new TestDatabase(
                new StorageOptions { Provider = StorageProvider.SqlServer, ConnectionString = builder.ConnectionString }, null);
        }

        string folder = Directory.CreateTempSubdirectory("cleanum-storage-tests-").FullName;
        return new TestDatabase(
            new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(folder, "cleanum.db") }, folder);
    }

    /// <summary>A second, independent repository on the same database (its own connections), as another writer.</summary>
    public SubmissionRepository NewStore() => new(Connections, NullLogger<SubmissionRepository>.Instance);

    public async Task<long> CountAsync(string table)
    {
        await using DbConnection connection = await Connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }

    public async ValueTask DisposeAsync()
    {
        if (Options.Provider == StorageProvider.SqlServer)
        {
            SqlConnection.ClearAllPools();
            var builder = new SqlConnectionStringBuilder(Options.ConnectionString);
            string database = builder.InitialCatalog;
            builder.InitialCatalog = "master";
            await using var connection = new SqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await connection.ExecuteAsync(
                $"IF DB_ID(N'{database}') IS NOT NULL BEGIN ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}]; END");
        }
        else if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a temp folder left behind is harmless
            }
        }

        Migrator.Dispose();
    }

    private static ISqlDialect CreateDialect(StorageProvider provider) =>
        provider == StorageProvider.SqlServer ? new SqlServerDialect() : new SqliteDialect();
}

/// <summary>A fact that runs only against a real SQL Server, and is reported Skipped with the reason otherwise.</summary>
internal sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        if (TestDatabase.SqlServerConnectionString is null)
        {
            Skip = $"SQL Server tests need {TestDatabase.SqlServerVariable} (a connection string); "
                + "docker compose -f docker/docker-compose.yml up -d db starts one.";
        }
    }
}
