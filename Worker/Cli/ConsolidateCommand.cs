using CleaNum.Worker.Consolidation;
using CleaNum.Worker.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CleaNum.Worker.Hosting;

namespace CleaNum.Worker.Cli;

/// <summary><c>cleanum consolidate [--json]</c>: the same consolidation as the service's job, now. Exit codes of
/// service.md: 0 written, 1 written but network errors remain, 2 failure.</summary>
internal static class ConsolidateCommand
{
    public static async Task<int> RunAsync(GlobalOptions globals, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        // a running service owns the data folder: ask it with a « consolider » file instead (service.md)
        (VerbHost? opened, int failed) = await VerbHost.OpenAsync(globals, output, error, createData: false, cancellationToken);
        if (opened is null)
        {
            return failed;
        }

        await using VerbHost verb = opened;
        (IHost host, DataFolder data) = (verb.Host, verb.Data);
        ConsolidationOutcome run = await ConsolidateAsync(host, cancellationToken);
        Mail.MailDeliveryReport mail = await Commands.SendMailAsync(host, error, cancellationToken); // re-issued reports
        if (globals.Json)
        {
            await output.WriteLineAsync(JsonOutput.Serialize(ConsolidationJson.ToJsonObject(run)));
        }
        else if (run.Failure is not null || run.AnnexPath is null)
        {
            await error.WriteLineAsync($"Erreur : {run.Failure ?? "aucune annexe n'a été écrite."}");
        }
        else
        {
            await output.WriteLineAsync($"Annexe écrite (PJ1) : {Path.Combine(data.Root, run.AnnexPath)}");
            if (run.CvDocumentPath is not null)
            {
                await output.WriteLineAsync($"CV des intervenants (PJ2) : {Path.Combine(data.Root, run.CvDocumentPath)}");
            }

            if (run.TablesDocumentPath is not null)
            {
                await output.WriteLineAsync($"Tableaux du cadre de réponse (PJ3) : {Path.Combine(data.Root, run.TablesDocumentPath)}");
            }
            if (run.ExitCode == ExitCodes.Findings)
            {
                await output.WriteLineAsync("Des erreurs au niveau du réseau restent à corriger : voir l'onglet des anomalies de l'annexe.");
            }

            Commands.WriteMail(host, mail, output);
        }

        return run.ExitCode;
    }

    /// <summary>One consolidation through the shared gate (never while a file is being ingested in this process).</summary>
    public static async Task<ConsolidationOutcome> ConsolidateAsync(IHost host, CancellationToken cancellationToken)
    {
        using IDisposable _ = await host.Services.GetRequiredService<WorkGate>().EnterAsync(cancellationToken);
        return await host.Services.GetRequiredService<ConsolidationService>().RunAsync(cancellationToken);
    }
}
