using System.Runtime.ExceptionServices;
using CleaNum.Core.Domain;
using CleaNum.Core.Workbook;
using CleaNum.Worker.Consolidation;
using CleaNum.Worker.Ingest;
using CleaNum.Worker.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CleaNum.Worker.Hosting;

namespace CleaNum.Worker.Cli;

/// <summary>
/// <c>cleanum demo [--data DIR]</c>: the README's first command. Copies the fictional network of <c>sample-data/</c>
/// (shipped next to the executable) into a fresh data folder — the members' files into <c>depot/</c>, the roster
/// <c>reseau.xlsx</c> at its root — ingests them through the service's pipeline, consolidates and prints, in French,
/// where the annex and each member's report are.
/// The folder (default <c>./cleanum-demo</c>) must be new or empty, or a previous demo folder (it holds the marker
/// <see cref="MarkerFileName"/>): a previous demo is wiped and replayed; anything else is refused, never overwritten.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultFolder = "cleanum-demo";

    public const string MarkerFileName = ".cleanum-demo";

    public static string SampleData => Path.Combine(AppContext.BaseDirectory, "sample-data");

    public static async Task<int> RunAsync(GlobalOptions globals, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string root = Path.GetFullPath(string.IsNullOrWhiteSpace(globals.DataPath) ? DefaultFolder : globals.DataPath);
        if (!Directory.Exists(SampleData))
        {
            await error.WriteLineAsync($"Erreur : les fichiers d'exemple sont introuvables ({SampleData}).");
            return ExitCodes.Failure;
        }

        string? refusal = Prepare(root);
        if (refusal is not null)
        {
            await error.WriteLineAsync(refusal);
            return ExitCodes.Failure;
        }

        // The demo never sends real e-mail: messages to the fictional members are written as .eml files (Outbox).
        using IHost host = CleaNumHost.Build(globals with { DataPath = root }, service: false, new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Outbox",
            ["Mail:From"] = "Réseau de démonstration <cleanum@demo.invalid>",
            ["Mail:ReplyTo"] = null,
            ["Mail:Cc"] = null,
        });
        if (!await VerbHost.PrepareStorageAsync(host, error, cancellationToken))
        {
            return ExitCodes.Failure;
        }

        DataFolder data = host.Services.GetRequiredService<DataFolder>();
        List<string> dropped = Drop(data);
        IngestBatch batch;
        using (var progress = new ServiceProgress(dropped.Count))
        {
            batch = await host.Services.GetRequiredService<FileIngestion>().IngestAllAsync(dropped, _ => progress.Advance(), cancellationToken);
        }

        if (batch.Stopped is { } stop)
        {
            ExceptionDispatchInfo.Throw(stop.Exception); // as before the shared loop: the command line's one French sentence
        }

        IReadOnlyList<IngestOutcome> outcomes = batch.Outcomes;
        ConsolidationOutcome consolidation = await ConsolidateCommand.ConsolidateAsync(host, cancellationToken);
        Mail.MailDeliveryReport mail = await Commands.SendMailAsync(host, error, cancellationToken);
        if (globals.Json)
        {
            await output.WriteLineAsync(JsonOutput.Serialize(new
            {
                data = data.Root,
                annex = consolidation.AnnexPath,
                mail = mail.Locations.Select(l => Path.GetRelativePath(data.Root, l).Replace('\\', '/')),
                cvs = consolidation.CvDocumentPath,
                tables = consolidation.TablesDocumentPath,
                consolidation = ConsolidationJson.ToJsonObject(consolidation),
                files = outcomes.Select(o => new
                {
                    file = Path.GetFileName(o.File),
                    status = JsonOutput.Status(o.Status),
                    member = o.Siren is null && o.MemberName is null ? null : new { siren = o.Siren, name = o.MemberName },
                    report = o.Report,
                }),
            }));
        }
        else
        {
            WriteHuman(output, data, outcomes, consolidation);
            WriteMail(output, data, mail);
        }

        return consolidation.Failure is null ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>Creates or resets the demo folder; returns a French refusal when it holds something else.</summary>
    internal static string? Prepare(string root)
    {
        if (File.Exists(root))
        {
            return $"Erreur : « {root} » est un fichier. Choisissez un dossier avec --data.";
        }

        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            if (!File.Exists(Path.Combine(root, MarkerFileName)))
            {
                return $"Erreur : le dossier « {root} » n'est pas vide et ne vient pas d'une démonstration précédente ; "
                    + "il n'a pas été modifié. Choisissez un autre dossier avec --data.";
            }

            // A previous demo: replay it from scratch. Pooled SQLite connections of this process may still point at the
            // old database file; a deleted-but-open file would otherwise keep receiving the new demo's rows.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, MarkerFileName),
            "Dossier créé par « cleanum demo » : il est effacé et recréé à chaque démonstration.\n");
        return null;
    }

    /// <summary>The members' files into depot/, the roster at the root; the folder's README stays behind.</summary>
    private static List<string> Drop(DataFolder data)
    {
        data.EnsureCreated();
        var dropped = new List<string>();
        foreach (string file in Directory.EnumerateFiles(SampleData).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            if (name.Equals(NetworkWorkbookSchema.FileName, StringComparison.OrdinalIgnoreCase))
            {
                File.Copy(file, data.RosterPath, overwrite: true);
            }
            else if (!Path.GetFileNameWithoutExtension(name).Equals("README", StringComparison.OrdinalIgnoreCase) && !InboxFiles.IsIgnored(file))
            {
                string target = Path.Combine(data.Depot, name);
                File.Copy(file, target, overwrite: true);
                dropped.Add(target);
            }
        }

        return dropped;
    }

    private static void WriteMail(TextWriter output, DataFolder data, Mail.MailDeliveryReport mail)
    {
        output.WriteLine();
        if (mail.Locations.Count == 0)
        {
            output.WriteLine("Courriels aux membres : aucun (aucune adresse de contact lisible).");
            return;
        }

        IEnumerable<string> folders = mail.Locations.Select(l => Path.GetDirectoryName(l)!).Distinct(StringComparer.Ordinal);
        output.WriteLine($"Courriels aux membres (mode Outbox, rien n'est envoyé) : {mail.Locations.Count} message(s) écrit(s) dans "
            + string.Join(", ", folders.Select(f => $"« {f} »")) + " — ouvrez les fichiers .eml avec Outlook ou Thunderbird.");
        foreach (string location in mail.Locations)
        {
            output.WriteLine($"  - {Path.GetFileName(location)}");
        }
    }

    private static void WriteHuman(TextWriter output, DataFolder data, IReadOnlyList<IngestOutcome> outcomes, ConsolidationOutcome consolidation)
    {
        output.WriteLine($"Démonstration CleaNum dans « {data.Root} »");
        output.WriteLine(
            $"{outcomes.Count} dossier(s) de membres intégré(s) : "
            + $"{outcomes.Count(o => o.Status is SubmissionStatus.Accepted or SubmissionStatus.AcceptedWithWarnings)} accepté(s), "
            + $"{outcomes.Count(o => o.Status == SubmissionStatus.Refused)} refusé(s).");
        output.WriteLine();
        if (consolidation.AnnexPath is not null)
        {
            output.WriteLine("Dossier pour Certif Pro :");
            output.WriteLine($"  PJ1 annexe consolidée (Excel) : {Path.Combine(data.Root, consolidation.AnnexPath)}");
            if (consolidation.CvDocumentPath is not null)
            {
                output.WriteLine($"  PJ2 CV des intervenants (Word) : {Path.Combine(data.Root, consolidation.CvDocumentPath)}");
            }

            if (consolidation.TablesDocumentPath is not null)
            {
                output.WriteLine($"  PJ3 tableaux du cadre de réponse (Word) : {Path.Combine(data.Root, consolidation.TablesDocumentPath)}");
            }
        }
        else
        {
            output.WriteLine($"Annexe consolidée : non écrite — {consolidation.Failure}");
        }
        if (consolidation.StatusPath is not null)
        {
            output.WriteLine($"État du réseau : {Path.Combine(data.Root, consolidation.StatusPath)}");
        }

        output.WriteLine();
        output.WriteLine("Rapport de chaque membre :");
        foreach (IngestOutcome o in outcomes.OrderBy(o => o.MemberName ?? Path.GetFileName(o.File), StringComparer.CurrentCulture))
        {
            int errors = o.Issues.Count(i => i.Severity == Core.Issues.Severity.Error);
            int warnings = o.Issues.Count(i => i.Severity == Core.Issues.Severity.Warning);
            string state = o.Status switch
            {
                SubmissionStatus.Accepted => "accepté",
                SubmissionStatus.AcceptedWithWarnings => $"accepté, {warnings} avertissement(s)",
                SubmissionStatus.Refused => $"refusé, {errors} erreur(s)",
                _ => "doublon",
            };
            string who = o.MemberName is null ? Path.GetFileName(o.File) : $"{o.MemberName}{(o.Siren is null ? "" : $" (SIREN {o.Siren})")}";
            output.WriteLine($"  - {who} : {state}");
            if (o.Report is not null)
            {
                output.WriteLine($"      {Path.Combine(data.Root, o.Report)}");
            }

            if (o.AnnotatedCopy is not null)
            {
                output.WriteLine($"      copie annotée : {Path.Combine(data.Root, o.AnnotatedCopy)}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Pour continuer : déposez d'autres classeurs dans « {data.Depot} » et lancez « cleanum run --data \"{data.Root}\" ».");
    }
}
