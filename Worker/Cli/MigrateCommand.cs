using CleaNum.Core.Ports;
using CleaNum.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using CleaNum.Worker.Hosting;

namespace CleaNum.Worker.Cli;

/// <summary>
/// <c>cleanum migrate</c>: creates or upgrades the database schema, then exits. Meant for a DBA account (db_owner or
/// db_ddladmin) so that the service itself can run with db_datareader + db_datawriter + EXECUTE only; a service that
/// finds scripts pending and lacks the rights says so in French and names this verb. With
/// <c>Storage:CreateDatabase=true</c> it also creates a missing database (French_CI_AS, SIMPLE recovery).
/// </summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(GlobalOptions globals, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using IHost host = CleaNumHost.Build(globals, service: false);
        var migrator = host.Services.GetRequiredService<IDatabaseMigrator>();
        try
        {
            _ = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            await migrator.MigrateAsync(cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"Erreur de configuration : {string.Join(" ; ", ex.Failures)}");
            return ExitCodes.Failure;
        }
        catch (StoreUnavailableException ex)
        {
            await error.WriteLineAsync($"Erreur : {ex.Message}");
            return ExitCodes.Failure;
        }

        IReadOnlyList<string> applied = migrator.AppliedScripts;
        if (globals.Json)
        {
            await output.WriteLineAsync(JsonOutput.Serialize(new { database = migrator.Description, applied }));
        }
        else
        {
            await output.WriteLineAsync(applied.Count == 0
                ? $"Schéma déjà à jour : {migrator.Description}."
                : $"Schéma mis à jour : {migrator.Description}, {applied.Count} script(s) appliqué(s) : {string.Join(", ", applied)}.");
        }

        return ExitCodes.Ok;
    }
}
