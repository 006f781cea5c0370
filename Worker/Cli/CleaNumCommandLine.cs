using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using CleaNum.Worker.Hosting;
using CleaNum.Core;

namespace CleaNum.Worker.Cli;

/// <summary>The <c>cleanum</c> command line (verbs of <c>service.md</c>), in French.</summary>
internal static class CleaNumCommandLine
{
    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var data = new Option<string?>("--data")
        {
            Description = "Dossier de données (dépôt, archives, rapports, annexe, base). Par défaut : ./cleanum-data",
            Recursive = true,
        };
        var db = new Option<string?>("--db")
        {
            Description = "Chaîne de connexion à la base (remplace la configuration)",
            Recursive = true,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Sortie lisible par une machine (JSON) sur la sortie standard",
            Recursive = true,
        };

        var root = new RootCommand("CleaNum : collecte, contrôle et consolidation des dossiers CléA numérique d'un réseau.");
        root.Options.Add(data);
        root.Options.Add(db);
        root.Options.Add(json);

        GlobalOptions Globals(ParseResult result) => new(result.GetValue(data), result.GetValue(db), result.GetValue(json));

        var outFile = new Option<string?>("--out")
        {
            Description = "Fichier à écrire. Par défaut : ./CleANum-Modele-Membre.xlsx",
        };
        var rosterFlag = new Option<bool>("--reseau")
        {
            Description = "Écrit plutôt un fichier reseau.xlsx vide (tête de réseau et liste des membres) à remplir. Par défaut : ./reseau.xlsx",
        };
        var template = new Command("template", "Écrit le classeur modèle à envoyer aux membres (ou, avec --reseau, le fichier de la liste du réseau).");
        template.Options.Add(outFile);
        template.Options.Add(rosterFlag);
        template.SetAction(result => Commands.Template(Globals(result), result.GetValue(outFile), output, error, result.GetValue(rosterFlag)));
        root.Subcommands.Add(template);

        var paths = new Argument<string[]>("CHEMIN")
        {
            Description = "Fichiers ou dossiers à intégrer",
            Arity = ArgumentArity.OneOrMore,
        };
        var ingest = new Command("ingest", "Intègre des fichiers tout de suite, exactement comme le dépôt surveillé (mêmes contrôles, mêmes rapports).");
        ingest.Arguments.Add(paths);
        ingest.SetAction((result, cancellationToken) =>
            Commands.IngestAsync(Globals(result), result.GetValue(paths) ?? [], output, error, cancellationToken));
        root.Subcommands.Add(ingest);

        var status = new Command("status", "Une ligne par membre : SIREN, nom, dernier fichier, date de réception, état.");
        status.SetAction((result, cancellationToken) => Commands.StatusAsync(Globals(result), output, error, cancellationToken));
        root.Subcommands.Add(status);

        var run = new Command("run", "Le service : surveille <données>/depot, intègre chaque fichier déposé, consolide selon le planning. Arrêt propre par Ctrl+C ou SIGTERM. (Commande par défaut.)");
        run.SetAction((result, cancellationToken) => RunCommand.RunAsync(Globals(result), error, cancellationToken));
        root.Subcommands.Add(run);
        root.SetAction((result, cancellationToken) => RunCommand.RunAsync(Globals(result), error, cancellationToken));

        var migrate = new Command("migrate", "Crée ou met à jour le schéma de la base, puis s'arrête. À lancer avec un compte DBA : le service peut alors tourner avec les seuls droits de lecture et d'écriture.");
        migrate.SetAction((result, cancellationToken) => MigrateCommand.RunAsync(Globals(result), output, error, cancellationToken));
        root.Subcommands.Add(migrate);

        var consolidate = new Command("consolidate", "Construit maintenant l'annexe consolidée du réseau dans <données>/annexe.");
        consolidate.SetAction((result, cancellationToken) => ConsolidateCommand.RunAsync(Globals(result), output, error, cancellationToken));
        root.Subcommands.Add(consolidate);

        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Affiche qui serait relancé, sans rien envoyer",
        };
        var relancer = new Command("relancer", "Relance par courriel les membres de reseau.xlsx qui n'ont rien envoyé et ceux dont le dernier fichier est refusé ou en erreur (au plus une relance par membre tous les CleaNum:Reminders:MinDays jours).");
        relancer.Options.Add(dryRun);
        relancer.SetAction((result, cancellationToken) =>
            RelancerCommand.RunAsync(Globals(result), result.GetValue(dryRun), output, error, cancellationToken));
        root.Subcommands.Add(relancer);

        var before = new Option<string?>("--avant") { Description = "Date limite de réception (aaaa-mm-jj ou jj/mm/aaaa). Par défaut : aujourd'hui moins Retention:SupersededVersionsDays (365 jours)" };
        var siren = new Option<string?>("--siren") { Description = "Efface entièrement un membre (demande d'effacement) : toutes ses versions, ses fichiers et ses rapports" };
        var purgeDryRun = new Option<bool>("--dry-run") { Description = "Affiche ce qui serait effacé sans rien effacer" };
        var purge = new Command("purger", "Efface les données personnelles (CV, contacts, fichiers d'origine, rapports, courriels) des versions remplacées plus anciennes que la durée de conservation, ou d'un membre entier avec --siren.");
        purge.Options.Add(before);
        purge.Options.Add(siren);
        purge.Options.Add(purgeDryRun);
        purge.SetAction((result, cancellationToken) => PurgeCommand.RunAsync(
            Globals(result), result.GetValue(before), result.GetValue(siren), result.GetValue(purgeDryRun), output, error, cancellationToken));
        root.Subcommands.Add(purge);

        var demo = new Command("demo", "Démonstration : copie les exemples (sample-data) dans un dossier neuf, les intègre, consolide et affiche où trouver l'annexe et les rapports. Dossier par défaut : ./cleanum-demo");
        demo.SetAction((result, cancellationToken) => DemoCommand.RunAsync(Globals(result), output, error, cancellationToken));
        root.Subcommands.Add(demo);

        var password = new Command("mot-de-passe", "Calcule l'empreinte du mot de passe du tableau de bord, à placer dans Web:PasswordHash (lu sans écho, ou sur l'entrée standard).");
        password.SetAction(_ => Web.PasswordCommand.Run(Console.In, output, error));
        root.Subcommands.Add(password);

        foreach (HelpOption help in root.Options.OfType<HelpOption>())
        {
            help.Description = "Affiche l'aide et l'utilisation";
        }

        return root;
    }

    /// <summary>Parses and runs; a usage error prints in French and exits with 2 (service.md).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        CultureInfo.CurrentUICulture = FrenchCulture.Instance;
        RootCommand root = Build(output, error);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync($"Erreur : {parseError.Message}");
            }

            await error.WriteLineAsync("Tapez « cleanum --help » pour l'aide.");
            return ExitCodes.Failure;
        }

        // The service handles Ctrl+C/SIGTERM itself (generic host lifetime: graceful stop, exit 0); the one-shot verbs
        // get System.CommandLine's cancellation token.
        bool service = parsed.CommandResult.Command is RootCommand || parsed.CommandResult.Command.Name == "run";
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (service)
        {
            configuration.ProcessTerminationTimeout = null;
        }

        try
        {
            return await parsed.InvokeAsync(configuration);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("Interrompu.");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            // service.md: a user's mistake (wrong folder, full disk, bad connection string…) is one French sentence and
            // exit 2, never a stack trace; anything else still gets one sentence (the type names the bug for a report).
            string data = parsed.GetValue<string?>("--data") ?? DataFolder.DefaultPath;
            string sentence = UserErrors.Describe(ex, Path.GetFullPath(data))
                ?? $"Erreur inattendue ({ex.GetType().Name}) : {ex.Message}";
            return await UserErrors.FailAsync(parsed.GetValue<bool>("--json"), output, error, sentence);
        }
    }
}
