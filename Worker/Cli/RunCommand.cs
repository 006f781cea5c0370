using CleaNum.Storage;
using CleaNum.Worker.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using CleaNum.Worker.Hosting;

namespace CleaNum.Worker.Cli;

/// <summary>
/// <c>cleanum run</c>: the generic host with the watcher, the dispatcher and Quartz, stopped by Ctrl+C, SIGTERM, the
/// Windows service manager or systemd. Exit codes: 0 clean stop; 1 a background service faulted (the host stopped
/// itself, e.g. the database became permanently unusable); 2 could not start (configuration, database, folder, or
/// another instance already serving this data folder).
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(GlobalOptions globals, TextWriter error, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = CleaNumHost.Build(globals, service: true);
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or ArgumentException)
        {
            await error.WriteLineAsync($"Erreur de configuration : {ex.Message}");
            return ExitCodes.Failure;
        }

        using (host)
        {
            DataFolder data = host.Services.GetRequiredService<DataFolder>();
            FileStream? instanceLock = null;
            try
            {
                if (VerbHost.CheckUserInput(host, createData: true) is { } mistake)
                {
                    await error.WriteLineAsync(mistake);
                    return ExitCodes.Failure;
                }

                instanceLock = DataFolderLock.TryAcquire(data);
                if (instanceLock is null)
                {
                    await error.WriteLineAsync($"Erreur : le dossier de données « {data.Root} » est déjà utilisé par un autre « cleanum run » : arrêtez-le d'abord, ou choisissez un autre dossier avec --data.");
                    return ExitCodes.Failure;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync(UserErrors.Describe(ex, data.Root) ?? $"Erreur : le dossier de données « {data.Root} » n'est pas accessible : vérifiez qu'il existe et que le compte qui lance cleanum peut y écrire.");
                return ExitCodes.Failure;
            }

            await using (instanceLock)
            {
                if (Web.DashboardStartup.Refusal(host.Services) is { } refusal)
                {
                    await error.WriteLineAsync(refusal);
                    return ExitCodes.Failure;
                }

                host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(
                    () => error.WriteLine(Web.DashboardStartup.StartLine(host.Services)));

                // the temporary files of a write interrupted by a crash or kill -9 (nothing else writes here now)
                int debris = data.RemoveDebris();
                if (debris > 0)
                {
                    await error.WriteLineAsync($"{debris} fichier(s) temporaire(s) laissé(s) par une écriture interrompue supprimé(s).");
                }

                BackgroundService[] workers = [.. host.Services.GetServices<IHostedService>().OfType<BackgroundService>()];
                try
                {
                    await host.RunAsync(cancellationToken);
                }
                catch (OptionsValidationException ex)
                {
                    await error.WriteLineAsync($"Erreur de configuration : {string.Join(" ; ", ex.Failures)}");
                    return ExitCodes.Failure;
                }
                catch (Core.Ports.StoreUnavailableException ex)
                {
                    await error.WriteLineAsync($"Erreur : {ex.Message}");
                    return ExitCodes.Failure;
                }
                catch (DatabaseGoneException ex)
                {
                    await error.WriteLineAsync(ex.Message);
                    return ExitCodes.Findings;
                }
                catch (Exception ex) when (ex is not OperationCanceledException && UserErrors.Describe(ex, data.Root) is { } sentence)
                {
                    // could not start (migration on a full disk, malformed connection string…): one sentence, no trace
                    await error.WriteLineAsync(sentence);
                    return ExitCodes.Failure;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // stopped before it had fully started: still a clean stop
                }

                if (workers.Select(w => w.ExecuteTask?.Exception?.GetBaseException()).OfType<DatabaseGoneException>().FirstOrDefault() is { } gone)
                {
                    await error.WriteLineAsync(gone.Message);
                }

                // StopHost alone would exit 0: a faulted worker must be visible to the service manager (restart on failure).
                return HostExit.Code(workers) == HostExit.Faulted ? ExitCodes.Findings : ExitCodes.Ok;
            }
        }
    }
}
