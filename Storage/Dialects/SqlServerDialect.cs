using System.Data;
using System.Data.Common;
using DbUp;
using DbUp.Builder;
using DbUp.Engine.Output;
using DbUp.SqlServer;
using Microsoft.Data.SqlClient;

namespace CleaNum.Storage.Dialects;

internal sealed class SqlServerDialect : ISqlDialect
{
    // Error numbers worth a retry: timeouts, network, deadlock victim, database starting or failing over.
    private static readonly HashSet<int> TransientNumbers =
    [
        -2, -1, 2, 53, 64, 121, 233, 1205, 1222, 4060, 4221, 10053, 10054, 10060, 10061, 10928, 10929, 11001,
        40143, 40197, 40501, 40613, 49918, 49919, 49920,
    ];

    public StorageProvider Provider => StorageProvider.SqlServer;

    public string SelectIdentity => "; SELECT CAST(SCOPE_IDENTITY() AS bigint);";

    public string UpsertMemberSql => """
        MERGE member WITH (HOLDLOCK) AS t
        USING (SELECT @Siren AS siren, @MemberName AS name, @ReceivedAtUtc AS received_at_utc) AS s
        ON t.siren = s.siren
        WHEN MATCHED THEN
            UPDATE SET name = COALESCE(s.name, t.name), last_received_at_utc = s.received_at_utc
        WHEN NOT MATCHED THEN
            INSERT (siren, name, first_received_at_utc, last_received_at_utc)
            VALUES (s.siren, s.name, s.received_at_utc, s.received_at_utc);
        """;

    public string MigrationFolder => ".Migrations.SqlServer.";

    public string Prepare(string sql) =>
        sql.Replace(ISqlDialect.LockHint, "WITH (UPDLOCK, HOLDLOCK)", StringComparison.Ordinal);

    public string BuildConnectionString(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new StorageUnavailableException(
                $"SqlServer: aucune chaîne de connexion / no connection string (ConnectionStrings:{StorageOptions.ConnectionStringName}).",
                isTransient: false, innerException: null);
        }

        var builder = new SqlConnectionStringBuilder(options.ConnectionString);
        if (builder.CommandTimeout == 30)
        {
            builder.CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        }

        return builder.ConnectionString;
    }

    public string Describe(string connectionString)
    {
        var builder = new SqlConnectionStringBuilder(connectionString);
        string database = string.IsNullOrEmpty(builder.InitialCatalog) ? "(default)" : builder.InitialCatalog;
        return $"SQL Server '{builder.DataSource}', database '{database}'";
    }

    public DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public Task InitializeAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

    public Task PrepareDatabaseAsync(string connectionString, IUpgradeLog log, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Creates the database when missing (a fresh container); checks sys.databases first, so it is harmless otherwise.
        EnsureDatabase.For.SqlDatabase(connectionString, log, timeout: -1, azureDatabaseEdition: AzureDatabaseEdition.None,
            collation: null, createDbSqlCommandsFactory: null, checkOnly: false);
        return Task.CompletedTask;
    }

    public UpgradeEngineBuilder CreateUpgradeBuilder(string connectionString) =>
        DeployChanges.To.SqlDatabase(connectionString).JournalToSqlTable("dbo", "schema_versions");

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqlException { Number: 2601 or 2627 };

    public bool IsTransient(Exception exception) => exception switch
    {
        SqlException e => e.IsTransient || e.Errors.Cast<SqlError>().Any(error => TransientNumbers.Contains(error.Number)),
        TimeoutException => true,
        IOException => true,
        _ => false,
    };
}
