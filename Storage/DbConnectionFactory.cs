using System.Data.Common;
using CleaNum.Storage.Dialects;
using Microsoft.Extensions.Options;

namespace CleaNum.Storage;

internal sealed class DbConnectionFactory : IDbConnectionFactory
{
    private readonly Lazy<string> _connectionString;
    private readonly IOptions<StorageOptions> _options;

    public DbConnectionFactory(IOptions<StorageOptions> options, ISqlDialect dialect)
    {
        UtcDateTimeHandler.Register();
        Dialect = dialect;
        _options = options;
        _connectionString = new Lazy<string>(() => dialect.BuildConnectionString(options.Value));
    }

    public ISqlDialect Dialect { get; }

    public string ConnectionString => _connectionString.Value;

    public StorageOptions Options => _options.Value;

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
            // A login refused, a TLS failure or a malformed connection string will not fix itself; network and file
            // locks may.
            throw ex is ArgumentException or InvalidOperationException
                ? StorageErrors.Unreachable(this, ex, isTransient: false)
                : StorageErrors.From(this, ex, Dialect.Classify(ex));
        }
    }
}
