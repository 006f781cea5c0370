using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using DbUp;
using DbUp.Builder;
using DbUp.Engine.Output;
using CleaNum.Core.Ports;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CleaNum.Storage.Dialects;

internal sealed class SqliteDialect(Func<string, string?>? networkFileSystemOf = null) : ISqlDialect
{
    private readonly Func<string, string?> _networkFileSystemOf = networkFileSystemOf ?? NetworkFileSystems.Of;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoErr = 10;
    private const int SqliteReadOnly = 8;
    private const int SqliteFull = 13;
    private const int SqliteAuth = 23;
    private const int SqliteCantOpen = 14;
    private const int SqliteTooBig = 18;
    private const int SqliteConstraint = 19;
    private const int SqliteMismatch = 20;

    public StorageProvider Provider => StorageProvider.Sqlite;

    public string SelectIdentity => " RETURNING id";

    public bool BatchesRows => false;

    public string UpsertMemberSql => """
        INSERT INTO member (siren, name, first_received_at_utc, last_received_at_utc)
        VALUES (@Siren, @MemberName, @ReceivedAtUtc, @ReceivedAtUtc)
        ON CONFLICT (siren) DO UPDATE SET
            name = COALESCE(excluded.name, member.name),
            last_received_at_utc = excluded.last_received_at_utc
        """;

    public string MigrationFolder => ".Migrations.Sqlite.";

    public string Prepare(string sql) => sql.Replace(ISqlDialect.LockHint, "", StringComparison.Ordinal);

    public string BuildConnectionString(StorageOptions options)
    {
        var builder = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(options.SqlitePath) }
            : options.ConnectionString.Contains('=', StringComparison.Ordinal)
                ? new SqliteConnectionStringBuilder(options.ConnectionString)
                : new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(options.ConnectionString) };
        builder.DefaultTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds);
        return builder.ToString();
    }

    public string Describe(string connectionString) =>
        $"SQLite file '{new SqliteConnectionStringBuilder(connectionString).DataSource}'";

    public DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    /// <summary>The native connections (pooled by Microsoft.Data.Sqlite) whose PRAGMAs are already set: they last as
    /// long as the native connection, so a connection taken again from the pool skips them (an open is then only a
    /// pool lookup; a file ingests with three opens).</summary>
    private static readonly ConditionalWeakTable<sqlite3, object> Initialized = new();

    public async Task InitializeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var sqlite = (SqliteConnection)connection;
        sqlite3? handle = sqlite.Handle;
        if (handle is not null && Initialized.TryGetValue(handle, out _))
        {
            return;
        }

        int busyMilliseconds = checked(sqlite.DefaultTimeout * 1000);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {busyMilliseconds};");
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (handle is not null)
        {
            Initialized.AddOrUpdate(handle, handle);
        }
    }

    public Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // BEGIN IMMEDIATE: takes the write lock now, so two writers never both read the same max(version).
        return Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    public async Task PrepareDatabaseAsync(string connectionString, StorageOptions options, IUpgradeLog log, CancellationToken cancellationToken)
    {
        string dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        string? folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!options.AllowSqliteOnNetworkShare && folder is not null && _networkFileSystemOf(folder) is { } network)
        {
            throw new StorageUnavailableException(
                $"La base SQLite « {dataSource} » serait sur un partage réseau ({network}) : SQLite n'y est pas fiable (verrous, journal WAL). "
                + "Utilisez SQL Server, ou une base locale : Storage:SqlitePath sur un disque de ce serveur (le dossier de données peut rester sur le partage). "
                + "Storage:AllowSqliteOnNetworkShare=true passe outre, à vos risques.",
                isTransient: false, innerException: null);
        }
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using DbCommand command = connection.CreateCommand();
        // WAL is persistent: readers never block the writer, and a killed writer leaves the last commit intact.
        command.CommandText = "PRAGMA journal_mode = WAL;";
        object? mode = await command.ExecuteScalarAsync(cancellationToken);
        log.LogInformation("SQLite journal mode: {0}", mode ?? "?");
    }

    public UpgradeEngineBuilder CreateUpgradeBuilder(string connectionString) =>
        DeployChanges.To.SqliteDatabase(connectionString).JournalToSqliteTable("schema_versions");

    public bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteConstraint } e
        && e.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase);

    public bool IsTransient(Exception exception) => Classify(exception).IsTransient;

    public StorageFault Classify(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint } e when IsUniqueViolation(e) => new(StorageFaultKind.UniqueViolation, ""),
        SqliteException { SqliteErrorCode: SqliteConstraint or SqliteTooBig or SqliteMismatch } e => new(StorageFaultKind.DataRejected,
            string.Create(CultureInfo.InvariantCulture, $"une valeur de ce fichier ne respecte pas une contrainte de la base (SQLite, erreur {e.SqliteExtendedErrorCode}).")),
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoErr or SqliteFull or SqliteCantOpen } e => new(StorageFaultKind.Transient,
            "le fichier de base SQLite est occupé, verrouillé, plein ou momentanément inaccessible.")
        {
            Reason = e.SqliteErrorCode == SqliteFull ? StoreFailureReason.DiskFull : StoreFailureReason.Other,
        },
        SqliteException e => new(StorageFaultKind.Fatal,
            "le fichier de base SQLite est inutilisable (endommagé, en lecture seule, ou schéma absent).")
        {
            Reason = e.SqliteErrorCode is SqliteReadOnly or SqliteAuth ? StoreFailureReason.ReadOnly : StoreFailureReason.Other,
        },
        IOException or TimeoutException => new(StorageFaultKind.Transient, "le fichier de base SQLite est momentanément inaccessible."),
        _ => StorageFault.Unknown,
    };
}
