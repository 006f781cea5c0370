using System.Data.Common;
using CleaNum.Storage.Dialects;
using Microsoft.Extensions.Options;

namespace CleaNum.Storage;

internal sealed class DbConnectionFactory : IDbConnectionFactory
{
    private readonly Lazy<string> _connectionString;

    public DbConnectionFactory(IOptions<StorageOptions> options, ISqlDialect dialect)
    {
        UtcDateTimeHandler.Register();
        Dialect = dialect;
        _connectionString = new Lazy<string>(() => dialect.BuildConnectionString(options.Value));
    }

    public ISqlDialect Dialect { get; }

    public string ConnectionString => _connectionString.Value;

    public string Description => Dialect.Describe(ConnectionString);

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = Dialect.CreateConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await Dialect.InitializeAsync(connection, cancellationToken);
            return connection;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await connection.DisposeAsync();
            throw StorageErrors.Unreachable(this, ex, isTransient: !IsConfigurationError(ex));
        }
    }

    // A login refused or a malformed connection string will not fix itself; anything else (network, file lock) may.
    private static bool IsConfigurationError(Exception ex) =>
        ex is ArgumentException or InvalidOperationException
        || ex is Microsoft.Data.SqlClient.SqlException { Number: 18456 or 18452 };
}
