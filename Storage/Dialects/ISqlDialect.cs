using System.Data.Common;
using DbUp.Builder;
using DbUp.Engine.Output;

namespace CleaNum.Storage.Dialects;

/// <summary>
/// Everything that differs between SQLite and SQL Server, and nothing else (Quartz's delegate pattern). Repository SQL
/// is portable; the only marker it may hold is <see cref="LockHint"/>, which <see cref="Prepare"/> rewrites.
/// </summary>
internal interface ISqlDialect
{
    /// <summary>Marker placed after a table name in a SELECT that must lock what it reads until commit.</summary>
    const string LockHint = "/**updlock**/";

    StorageProvider Provider { get; }

    /// <summary>Text appended to a single-row INSERT so that the command returns the new identity as a 64-bit integer.</summary>
    string SelectIdentity { get; }

    /// <summary>True when a table's child rows go as multi-row INSERTs (SQL Server: one round trip per batch instead of
    /// per row); false when one single-row INSERT is prepared once and re-executed for each row (SQLite, embedded: no
    /// round trips, but every distinct statement text is compiled again).</summary>
    bool BatchesRows { get; }

    /// <summary>Inserts or updates the member row (@Siren, @MemberName, @ReceivedAtUtc); keeps a known name when @MemberName is null.</summary>
    string UpsertMemberSql { get; }

    /// <summary>Rewrites the portable SQL for this database (the lock hint).</summary>
    string Prepare(string sql);

    /// <summary>Builds the provider connection string from the options.</summary>
    string BuildConnectionString(StorageOptions options);

    /// <summary>"SQLite file '/data/cleanum.db'" or "SQL Server 'db,1433', database 'CleaNum'": never a password.</summary>
    string Describe(string connectionString);

    DbConnection CreateConnection(string connectionString);

    /// <summary>Per-connection settings, run right after opening.</summary>
    Task InitializeAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Starts a write transaction that serialises writers (SQLite BEGIN IMMEDIATE; SQL Server read committed
    /// plus the <see cref="LockHint"/> range locks).</summary>
    Task<DbTransaction> BeginWriteTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>One-time preparation before the migration scripts run (create the database when
    /// <see cref="StorageOptions.CreateDatabase"/>; the folder, the network-share check and WAL mode for SQLite).</summary>
    Task PrepareDatabaseAsync(string connectionString, StorageOptions options, IUpgradeLog log, CancellationToken cancellationToken);

    UpgradeEngineBuilder CreateUpgradeBuilder(string connectionString);

    /// <summary>Resource-name fragment that selects this provider's embedded scripts.</summary>
    string MigrationFolder { get; }

    bool IsUniqueViolation(Exception exception);

    /// <summary>True when retrying later may succeed (network, timeout, deadlock, busy file).</summary>
    bool IsTransient(Exception exception);

    /// <summary>What a provider exception means: transient, deadlock, data rejected, TLS, login, permission, fatal…
    /// with a French sentence for the administrator. <see cref="StorageFaultKind.Unknown"/> for non-database exceptions.</summary>
    StorageFault Classify(Exception exception);
}
