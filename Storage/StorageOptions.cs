using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CleaNum.Storage;

/// <summary>Which database holds the submissions.</summary>
public enum StorageProvider
{
    /// <summary>Embedded SQLite file (default): <see cref="StorageOptions.SqlitePath"/>, WAL journal.</summary>
    Sqlite = 0,

    /// <summary>SQL Server (production): <see cref="StorageOptions.ConnectionString"/>.</summary>
    SqlServer = 1,
}

/// <summary>
/// Section <c>Storage</c>. SQLite (default) uses <see cref="SqlitePath"/>, normally <c>&lt;data&gt;/cleanum.db</c>, set by
/// the Worker from <c>--data</c>. SQL Server uses <see cref="ConnectionString"/>, which falls back to
/// <c>ConnectionStrings:CleaNum</c>. With SQLite a connection string (e.g. from <c>--db</c>) wins over the path; a value
/// without '=' is taken as a file path.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Name of the connection string (<c>ConnectionStrings:CleaNum</c>, env <c>ConnectionStrings__CleaNum</c>).</summary>
    public const string ConnectionStringName = "CleaNum";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite database file; its folder is created if missing.</summary>
    public string SqlitePath { get; set; } = Path.Combine("cleanum-data", "cleanum.db");

    /// <summary>Provider connection string; required for SQL Server, optional for SQLite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQL Server only: create the database when it does not exist (collation French_CI_AS, SIMPLE recovery). True by
    /// default for development, tests and the Docker demo; <c>appsettings.Production.json</c> sets it to false: in
    /// production the DBA creates the database (docs/sqlserver-dba.sql) and the service account needs no server-level
    /// permission.
    /// </summary>
    public bool CreateDatabase { get; set; } = true;

    /// <summary>
    /// SQLite only: accept a database file on a network file system (NFS, SMB/CIFS…). False by default: SQLite's locking
    /// is not reliable there and WAL does not work across machines; the service refuses to start and says to use SQL
    /// Server or to put <see cref="SqlitePath"/> on a local disk (the data folder itself may stay on the share).
    /// </summary>
    public bool AllowSqliteOnNetworkShare { get; set; }

    /// <summary>How long a command (and SQLite's busy wait on a locked file) may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

[OptionsValidator]
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
