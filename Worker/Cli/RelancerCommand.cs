using System.Globalization;
using CleaNum.Core;
using CleaNum.Core.Mail;
using CleaNum.Worker.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CleaNum.Worker.Hosting;

namespace CleaNum.Worker.Cli;

/// <summary><c>cleanum relancer [--dry-run] [--json]</c>: reminds, by e-mail, roster members who sent nothing and members
/// whose latest file is refused or in error. Exit codes of service.md: 0 sent (or nothing to send), 1 some could not be
/// sent (no address, refused, still waiting for the server), 2 failure (mail off, database, data folder).</summary>
internal static class RelancerCommand
{
    public static async Task<int> RunAsync(GlobalOptions globals, bool dryRun, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (globals.DataPath is { Length: > 0 } folder && !Directory.Exists(folder))
        {
            await error.WriteLineAsync($"Erreur : le dossier de données « {Path.GetFullPath(folder)} » n'existe pas.");
            return ExitCodes.Failure;
        }

        using IHost host = CleaNumHost.Build(globals, service: false);
        if (!await VerbHost.PrepareStorageAsync(host, error, cancellationToken))
        {
            return ExitCodes.Failure;
        }

        var reminders = host.Services.GetRequiredService<ReminderService>();
        if (!dryRun && !reminders.IsEnabled)
        {
            await error.WriteLineAsync("Erreur : l'envoi des courriels est désactivé (Mail:Mode = Off). Configurez Mail:Mode "
                + "(Outbox ou Smtp, voir le README) ou lancez « cleanum relancer --dry-run » pour voir qui serait relancé.");
            return ExitCodes.Failure;
        }

        IReadOnlyList<ReminderCandidate> candidates;
        try
        {
            candidates = await reminders.RunAsync(dryRun, cancellationToken);
        }
        catch (Exception ex) when (ex is Core.Ports.StoreUnavailableException || ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Erreur : {ex.Message}");
            return ExitCodes.Failure;
        }

        MailDeliveryReport mail = dryRun ? MailDeliveryReport.Nothing : await Commands.SendMailAsync(host, error, cancellationToken);
        if (globals.Json)
        {
            await output.WriteLineAsync(JsonOutput.Serialize(new
            {
                dryRun,
                reminders = candidates.Select(c => new
                {
                    siren = c.Siren,
                    name = c.Name,
                    reason = c.Reason == ReminderReason.NothingReceived ? "nothing_received" : "refused",
                    to = c.To,
                    outcome = Code(c.Outcome),
                    lastReminder = c.LastReminderUtc?.ToString("O", CultureInfo.InvariantCulture),
                }),
                mail = new { sent = mail.Sent, retrying = mail.Retrying, failed = mail.Failed },
            }));
        }
        else
        {
            WriteHuman(output, dryRun, candidates);
            Commands.WriteMail(host, mail, output);
        }

        bool couldNotSend = candidates.Any(c => c.Outcome == ReminderOutcome.NoAddress) || mail.Failed > 0 || mail.Retrying > 0;
        return !dryRun && couldNotSend ? ExitCodes.Findings : ExitCodes.Ok;
    }

    private static void WriteHuman(TextWriter output, bool dryRun, IReadOnlyList<ReminderCandidate> candidates)
    {
        if (candidates.Count == 0)
        {
            output.WriteLine("Personne à relancer : chaque membre attendu a envoyé un fichier accepté.");
            return;
        }

        output.WriteLine(dryRun
            ? $"Simulation : {candidates.Count} membre(s) à relancer (rien n'est envoyé) :"
            : $"{candidates.Count} membre(s) à relancer :");
        foreach (ReminderCandidate c in candidates)
        {
            string why = c.Reason == ReminderReason.NothingReceived ? "aucun fichier reçu" : "dernier fichier refusé ou en erreur";
            string what = c.Outcome switch
            {
                ReminderOutcome.WouldSend => $"serait relancé à {c.To}",
                ReminderOutcome.Queued => $"relance envoyée à {c.To}",
                ReminderOutcome.AlreadyQueued => $"déjà relancé aujourd'hui ({c.To})",
                ReminderOutcome.NoAddress => "aucune adresse : ni « Courriel du contact » lisible dans son fichier, ni colonne Courriel dans reseau.xlsx",
                _ => $"déjà relancé le {ParisTime.ToParis(c.LastReminderUtc!.Value):dd/MM/yyyy} (au plus une relance tous les CleaNum:Reminders:MinDays jours)",
            };
            output.WriteLine($"  {c.Siren}  {c.Name} : {why} — {what}");
        }
    }

    private static string Code(ReminderOutcome outcome) => outcome switch
    {
        ReminderOutcome.WouldSend => "would_send",
        ReminderOutcome.Queued => "queued",
        ReminderOutcome.AlreadyQueued => "already_queued",
        ReminderOutcome.NoAddress => "no_address",
        _ => "recently_reminded",
    };
}
