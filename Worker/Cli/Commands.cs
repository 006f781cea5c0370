using CleaNum.Core;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using CleaNum.Core.Consolidation;
using CleaNum.Core.Mail;
using CleaNum.Worker.Consolidation;
using CleaNum.Worker.Ingest;
using CleaNum.Worker.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CleaNum.Worker.Hosting;

namespace CleaNum.Worker.Cli;

/// <summary>The one-shot verbs. Each builds the same host as the service (same configuration and services) without
/// starting its background services.</summary>
internal static class Commands
{
    public const string DefaultTemplateName = "CleANum-Modele-Membre.xlsx";

    /// <summary>Writes the member template, or with <paramref name="roster"/> an empty <c>reseau.xlsx</c>.</summary>
    public static int Template(GlobalOptions globals, string? outFile, TextWriter output, TextWriter error, bool roster = false)
    {
        string defaultName = roster ? CleaNum.Core.Workbook.NetworkWorkbookSchema.FileName : DefaultTemplateName;
        string path = Path.GetFullPath(string.IsNullOrWhiteSpace(outFile) ? defaultName : outFile);
        try
        {
            using IHost host = CleaNumHost.Build(globals, service: false);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (roster)
            {
                host.Services.GetRequiredService<IRosterTemplateWriter>().Write(path);
            }
            else
            {
                host.Services.GetRequiredService<ITemplateWriter>().Write(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine(UserErrors.Describe(ex, Path.GetDirectoryName(path)) ?? $"Erreur : impossible d'écrire le modèle dans « {path} ».");
            return ExitCodes.Failure;
        }

        output.WriteLine(globals.Json ? JsonOutput.Serialize(new { template = path }) : $"Modèle écrit : {path}");
        return ExitCodes.Ok;
    }

    public static async Task<int> IngestAsync(GlobalOptions globals, IReadOnlyList<string> paths, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        (IReadOnlyList<string> files, string? missing) = InputFiles.Expand(paths);
        if (missing is not null)
        {
            return await UserErrors.FailAsync(globals.Json, output, error, $"Erreur : « {missing} » n'existe pas (ni fichier ni dossier).");
        }

        if (files.FirstOrDefault(f => NativeFiles.KindOf(f) == EntryKind.Special) is { } special)
        {
            return await UserErrors.FailAsync(globals.Json, output, error, $"Erreur : « {special} » n'est pas un fichier ordinaire (tube, socket ou périphérique) : indiquez un classeur Excel.");
        }

        (VerbHost? opened, int failed) = await VerbHost.OpenAsync(globals, output, error, createData: true, cancellationToken);
        if (opened is null)
        {
            return failed;
        }

        await using VerbHost verb = opened;
        (IHost host, DataFolder data) = (verb.Host, verb.Data);
        var progress = new Progress(error, files.Count);
        IngestBatch batch = await host.Services.GetRequiredService<FileIngestion>().IngestAllAsync(files, progress.Report, cancellationToken);
        if (batch.Stopped is { } stop)
        {
            string file = stop.File;
            return await UserErrors.FailAsync(globals.Json, output, error, stop.Exception switch
            {
                IngestDeferredException ex => ex.Reason switch
                {
                    DeferralReason.StillBeingWritten => $"Erreur : « {Path.GetFileName(file)} » est encore en cours d'écriture : relancez la commande une fois la copie terminée.",
                    DeferralReason.NotMovable => $"Erreur : « {file} » ne peut pas être déplacé (dossier protégé ou nom refusé par le système) : il reste en place.",
                    _ => (UserErrors.Describe(ex.InnerException ?? ex, data.Root) ?? "Erreur : le rapport n'a pas pu être écrit.")
                        + $" « {Path.GetFileName(file)} » est enregistré ; relancez la commande pour écrire son rapport et le ranger.",
                },
                Exception ex => $"{UserErrors.Describe(ex, data.Root)} « {Path.GetFileName(file)} » n'a pas été traité et reste en place.",
            });
        }

        IReadOnlyList<IngestOutcome> outcomes = batch.Outcomes;
        progress.Done();
        MailDeliveryReport mail = await SendMailAsync(host, error, cancellationToken);
        if (globals.Json)
        {
            await output.WriteLineAsync(JsonOutput.Ingest(outcomes));
        }
        else
        {
            WriteHuman(outcomes, output);
            WriteMail(host, mail, output);
        }

        return outcomes.Any(o => o.IsRefused) ? ExitCodes.Findings : ExitCodes.Ok;
    }

    public static async Task<int> StatusAsync(GlobalOptions globals, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using IHost host = CleaNumHost.Build(globals, service: false);
        if (!await VerbHost.PrepareStorageAsync(host, error, createData: false, cancellationToken))
        {
            return ExitCodes.Failure;
        }

        // The same view as the annex: roster members who sent nothing are "manquant"; the status workbook is rewritten.
        var service = host.Services.GetRequiredService<ConsolidationService>();
        (NetworkConsolidation consolidation, IReadOnlyDictionary<string, MemberFollowUp> followUp, string statusPath) =
            await service.WriteStatusAsync(cancellationToken);
        MailDeliveryReport mail = await SendMailAsync(host, error, cancellationToken); // re-issued reports, if the roster changed
        if (globals.Json)
        {
            await output.WriteLineAsync(JsonOutput.Serialize(ConsolidationJson.StatusJsonObject(consolidation, followUp)));
            return ExitCodes.Ok;
        }

        if (consolidation.Members.Count == 0)
        {
            await output.WriteLineAsync($"Aucun dossier reçu pour la campagne {consolidation.Campaign}.");
            return ExitCodes.Ok;
        }

        foreach (ConsolidatedMember m in consolidation.Members)
        {
            string file = m.Latest is null
                ? "(aucun fichier)"
                : $"{m.Latest.FileName} (version {m.Latest.Version})  reçu le {ParisTime.ToParis(m.Latest.ReceivedAtUtc):dd/MM/yyyy HH:mm}";
            await output.WriteLineAsync($"{m.Siren}  {m.Name}  {file}  {MemberStates.Label(m.State)}");
            MemberFollowUp f = followUp.TryGetValue(m.Siren, out MemberFollowUp? known) ? known : MemberFollowUp.None;
            string mandate = m.RosterEntry?.MandateReceived switch
            {
                true => m.RosterEntry.MandateDate is { } date ? $"mandat reçu le {date:dd/MM/yyyy}" : "mandat reçu",
                false => "mandat non reçu",
                null => "mandat : ?",
            };
            string contact = f.ContactEmail is null ? "pas d'adresse" : f.ContactEmail;
            string last = f.LastMail is null ? "aucun courriel" : $"dernier courriel : {MailStates.Describe(f.LastMail)}";
            await output.WriteLineAsync($"    {contact} · {(consolidation.HasRoster ? mandate + " · " : "")}{last}");
            if (f.ReportPath is not null)
            {
                await output.WriteLineAsync($"    rapport : {f.ReportPath}");
            }
        }

        await output.WriteLineAsync($"État du réseau : {statusPath}");
        WriteMail(host, mail, output);
        return ExitCodes.Ok;
    }

    /// <summary>Sends the messages queued by a one-shot verb (and any earlier ones now due). A mail problem never changes
    /// the verb's result: what could not be sent stays queued for the next run.</summary>
    public static async Task<MailDeliveryReport> SendMailAsync(IHost host, TextWriter error, CancellationToken cancellationToken)
    {
        MailDelivery delivery = host.Services.GetRequiredService<MailDelivery>();
        try
        {
            return await delivery.DeliverDueAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Core.Ports.StoreUnavailableException)
        {
            await error.WriteLineAsync($"Attention : les courriels n'ont pas pu être envoyés ({ex.Message}) ; ils partiront plus tard.");
            return MailDeliveryReport.Nothing;
        }
    }

    public static void WriteMail(IHost host, MailDeliveryReport mail, TextWriter output)
    {
        MailDelivery delivery = host.Services.GetRequiredService<MailDelivery>();
        if (!delivery.IsEnabled || mail.IsEmpty)
        {
            return;
        }

        output.WriteLine($"Courriels aux membres ({delivery.Destination}) : {mail.Sent} envoyé(s)"
            + (mail.Retrying > 0 ? $", {mail.Retrying} en attente d'un nouvel essai" : "")
            + (mail.Failed > 0 ? $", {mail.Failed} en échec (voir « cleanum status »)" : "") + ".");
    }

    private static void WriteHuman(IReadOnlyList<IngestOutcome> outcomes, TextWriter output)
    {
        foreach (IngestOutcome o in outcomes)
        {
            int errors = o.Issues.Count(i => i.Severity == Severity.Error);
            int warnings = o.Issues.Count(i => i.Severity == Severity.Warning);
            string state = o.Status switch
            {
                SubmissionStatus.Accepted => "accepté",
                SubmissionStatus.AcceptedWithWarnings => $"accepté avec {warnings} avertissement(s)",
                SubmissionStatus.Refused => $"refusé : {errors} erreur(s), {warnings} avertissement(s)",
                _ when o.IsRefused => $"toujours refusé : identique à un fichier déjà refusé ({errors} erreur(s)), rien de nouveau enregistré",
                _ => "doublon : déjà reçu, rien de nouveau enregistré",
            };
            string who = o.MemberName is null ? "" : $" ({o.MemberName}{(o.Siren is null ? "" : ", SIREN " + o.Siren)})";
            string version = o.Version > 0 && o.Status != SubmissionStatus.Duplicate ? $", version {o.Version}" : "";
            output.WriteLine($"{Path.GetFileName(o.File)}{who} : {state}{version}");
            if (o.Report is not null)
            {
                output.WriteLine($"    rapport : {o.Report}");
            }

            foreach (Issue issue in o.Issues.Where(i => i.Severity == Severity.Error).Take(5))
            {
                string where = issue.Row is null ? issue.Sheet ?? "" : $"{issue.Sheet} {issue.CellAddress ?? "ligne " + issue.Row}";
                output.WriteLine($"    - {where} [{issue.Code}] {issue.Message}");
            }

            if (errors > 5)
            {
                output.WriteLine($"    … et {errors - 5} autre(s) erreur(s) : voir le rapport.");
            }
        }

        output.WriteLine(
            $"{outcomes.Count} fichier(s) : {outcomes.Count(o => o.Status is SubmissionStatus.Accepted or SubmissionStatus.AcceptedWithWarnings)} accepté(s), "
            + $"{outcomes.Count(o => o.Status == SubmissionStatus.Refused)} refusé(s), {outcomes.Count(o => o.Status == SubmissionStatus.Duplicate)} doublon(s).");
    }

    /// <summary>"Fichiers traités : 3 / 10" on an interactive terminal only (stderr), silent when redirected.</summary>
    private sealed class Progress(TextWriter error, int total)
    {
        private readonly bool _interactive = !Console.IsErrorRedirected && total > 1 && ReferenceEquals(error, Console.Error);

        public void Report(int done)
        {
            if (_interactive)
            {
                error.Write($"\rFichiers traités : {done} / {total}");
            }
        }

        public void Done()
        {
            if (_interactive)
            {
                error.WriteLine();
            }
        }
    }
}
