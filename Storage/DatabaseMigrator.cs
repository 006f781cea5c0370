using CleaNum.Storage.Dialects;
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

    public IReadOnlyList<string> AppliedScripts { get; private set; } = [];

    public string Description => connections.Description;

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
            await dialect.PrepareDatabaseAsync(connectionString, connections.Options, upgradeLog, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Fail(ex, script: null);
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

        // Nothing pending → only the journal is read: a service account with db_datareader + db_datawriter starts fine
        // on a database a DBA migrated with « cleanum migrate ».
        List<string> pending;
        try
        {
            pending = [.. engine.GetScriptsToExecute().Select(s => s.Name)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Fail(ex, script: null);
        }

        if (pending.Count == 0)
        {
            logger.Migrated(description, 0);
            return;
        }

        DatabaseUpgradeResult result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            Exception error = result.Error ?? new InvalidOperationException("unknown DbUp failure");
            if (dialect.Classify(error).Kind == StorageFaultKind.PermissionDenied)
            {
                string names = string.Join(", ", pending.Select(ShortName));
                var denied = new StorageUnavailableException(
                    $"Mise à jour du schéma nécessaire mais interdite à ce compte : {description}, script(s) en attente : {names}. "
                    + "Un DBA lance « cleanum migrate » (avec un compte qui a les droits db_ddladmin ou db_owner), puis le service redémarre. "
                    + $"({error.GetType().Name}: {error.Message})",
                    isTransient: false, error);
                logger.MigrationFailed(denied, description);
                throw denied;
            }

            throw Fail(error, result.ErrorScript?.Name);
        }

        AppliedScripts = [.. result.Scripts.Select(script => ShortName(script.Name))];
        logger.Migrated(description, AppliedScripts.Count);
    }

    private StorageUnavailableException Fail(Exception ex, string? script)
    {
        if (ex is StorageUnavailableException already)
        {
            logger.MigrationFailed(already, connections.Description);
            return already;
        }

        StorageFault fault = connections.Dialect.Classify(ex);
        StorageUnavailableException error = fault.Kind switch
        {
            // at start-up « cannot open database » means it does not exist (or this login has no user in it)
            _ when ex is Microsoft.Data.SqlClient.SqlException { Number: 4060 } => StorageErrors.From(connections, ex,
                new StorageFault(StorageFaultKind.DatabaseMissing, Dialects.SqlServerDialect.DatabaseMissingFrench(DatabaseName()))),
            StorageFaultKind.Transient or StorageFaultKind.Tls or StorageFaultKind.LoginFailed
                or StorageFaultKind.PermissionDenied => StorageErrors.From(connections, ex, fault),
            _ => StorageErrors.MigrationFailed(connections, script, ex),
        };
        logger.MigrationFailed(error, connections.Description);
        return error;
    }

    private string DatabaseName()
    {
        try
        {
            return new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connections.ConnectionString).InitialCatalog;
        }
        catch (ArgumentException)
        {
            return "?";
        }
    }

    /// <summary>"CleaNum.Storage.Migrations.SqlServer.0002_x.sql" → "0002_x.sql".</summary>
    private static string ShortName(string resourceName)
    {
        int folder = resourceName.LastIndexOf(".Migrations.", StringComparison.Ordinal);
        string rest = folder < 0 ? resourceName : resourceName[(folder + ".Migrations.".Length)..];
        int dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[(dot + 1)..];
    }
}
