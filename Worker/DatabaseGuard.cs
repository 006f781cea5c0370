using CleaNum.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Win32.SafeHandles;

namespace CleaNum.Worker;

/// <summary>
/// The embedded SQLite file must stay the one the service opened: if it is deleted or replaced while <c>run</c> is up,
/// SQLite would go on writing into the unlinked file and every « accepted » would be a lie. <see cref="Arm"/> (at the
/// dispatcher's start) keeps a handle on it; <see cref="EnsurePresent"/> throws <see cref="DatabaseGoneException"/>
/// once the name no longer leads to that file. SQL Server: nothing to watch.
/// </summary>
internal sealed class DatabaseGuard(IOptions<StorageOptions> options) : IDisposable
{
    private readonly Lock _lock = new();
    private SafeFileHandle? _handle;
    private string? _path;

    /// <summary>The SQLite file, or null for SQL Server.</summary>
    public string? SqlitePath
    {
        get
        {
            StorageOptions storage = options.Value;
            if (storage.Provider != StorageProvider.Sqlite)
            {
                return null;
            }

            if (string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                return Path.GetFullPath(storage.SqlitePath);
            }

            if (!storage.ConnectionString.Contains('=', StringComparison.Ordinal))
            {
                return Path.GetFullPath(storage.ConnectionString);
            }

            string source = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
            return string.IsNullOrWhiteSpace(source) || source == ":memory:" ? null : Path.GetFullPath(source);
        }
    }

    public void Arm()
    {
        lock (_lock)
        {
            if (_handle is not null || SqlitePath is not { } path || !File.Exists(path))
            {
                return;
            }

            _path = path;
            _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
    }

    public void EnsurePresent()
    {
        lock (_lock)
        {
            if (_handle is null || _path is null)
            {
                return;
            }

            if (!File.Exists(_path) || NativeFiles.IsUnlinked(_handle))
            {
                throw new DatabaseGoneException(_path);
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _handle?.Dispose();
            _handle = null;
        }
    }
}

/// <summary>The SQLite file was deleted or replaced under the running service: it stops (exit 1) rather than store
/// into a file nobody will see again. The message is the French sentence printed on stop.</summary>
internal sealed class DatabaseGoneException : Exception
{
    public DatabaseGoneException()
    {
    }

    public DatabaseGoneException(string path)
        : base($"Erreur : la base de données « {path} » a été supprimée ou remplacée pendant que le service tournait ; "
            + "le service s'arrête sans rien enregistrer de plus. Restaurez la base (ou laissez-la être recréée) puis relancez « cleanum run ».")
    {
    }

    public DatabaseGoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
