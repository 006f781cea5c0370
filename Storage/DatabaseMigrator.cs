using DbUp.Engine;
using DbUp.Engine.Output;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleaNum.Storage;

/// <summary>
/// Runs the embedded scripts of the configured provider (journal <c>schema_versions</c>), once per process. Registered
/// as the first hosted service so the schema is ready before anything else starts; a failure throws
/// <see cref="StorageUnavailableException"/> and the host stops.
/// </summary>
internal sealed class DatabaseMigrator(IDbConnectionFactory connections, ILogger<DatabaseMigrator> logger)
    : IDatabaseMigrator, IHostedService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _done;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_done)
            {
                return;
            }

            await RunAsync(cancellationToken);
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        string connectionString = connections.ConnectionString; // a missing SQL Server connection string throws here
        string description = connections.Description;
        logger.Migrating(description);
        IUpgradeLog upgradeLog = new MicrosoftUpgradeLog(logger);
        var dialect = connections.Dialect;

        try
        {
            await dialect.PrepareDatabaseAsync(connectionString, upgradeLog, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            StorageUnavailableException error = dialect.IsTransient(ex)
                ? StorageErrors.Unreachable(connections, ex, isTransient: true)
                : StorageErrors.MigrationFailed(connections, script: null, ex);
            logger.MigrationFailed(error, description);
            throw error;
        }

        cancellationToken.ThrowIfCancellationRequested();
        UpgradeEngine engine = dialect.CreateUpgradeBuilder(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly,
                name => name.Contains(dialect.MigrationFolder, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .WithVariablesDisabled()
            .ResetConfiguredLoggers()
            .LogTo(upgradeLog)
            .Build();

        DatabaseUpgradeResult result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            var error = StorageErrors.MigrationFailed(connections, result.ErrorScript?.Name,
                result.Error ?? new InvalidOperationException("unknown DbUp failure"));
            logger.MigrationFailed(error, description);
            throw error;
        }

        int applied = result.Scripts.Count();
        logger.Migrated(description, applied);
    }
}
