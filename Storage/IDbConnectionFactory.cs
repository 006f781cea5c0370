using System.Data.Common;
using CleaNum.Storage.Dialects;

namespace CleaNum.Storage;

/// <summary>Opens ready-to-use connections to the configured database.</summary>
internal interface IDbConnectionFactory
{
    ISqlDialect Dialect { get; }

    /// <summary>Provider and server or file, safe to log and show (no password).</summary>
    string Description { get; }

    string ConnectionString { get; }

    /// <summary>The options the connection string was built from.</summary>
    StorageOptions Options { get; }

    /// <summary>Opens and initialises a connection; throws <see cref="StorageUnavailableException"/> when it cannot.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
