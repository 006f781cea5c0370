using System.Globalization;
using CleaNum.Worker.Retention;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using CleaNum.Worker.Hosting;

namespace CleaNum.Worker.Cli;

/// <summary>
/// <c>cleanum purger [--avant DATE] [--dry-run]</c> and <c>cleanum purger --siren S</c> (service.md « Retention »): removes
/// the personal data of superseded versions older than the retention (or received before DATE), or erases one member
/// entirely. Exit 0 done (or nothing to do), 2 failure. Like <c>ingest</c>, it does not race a running service.
/// </summary>
internal static class PurgeCommand
{
    public const string Origin = "purger";

    public static async Task<int> RunAsync(GlobalOptions globals, string? before, string? siren, bool dryRun, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        DateTime? receivedBefore = null;
        if (before is not null)
        {
            if (!DateOnly.TryParseExact(before, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            {
                return await UserErrors.FailAsync(globals.Json, output, error, $"Erreur : « {before} » n'est pas une date : écrivez-la aaaa-mm-jj ou jj/mm/aaaa (par exemple 2025-12-31).");
            }

            receivedBefore = ParisMidnightUtc(date);
        }

        string? normalisedSiren = siren is null ? null : new string([.. siren.Where(c => !char.IsWhiteSpace(c))]);
        if (normalisedSiren is not null && (normalisedSiren.Length != 9 || !normalisedSiren.All(char.IsAsciiDigit)))
        {
            return await UserErrors.FailAsync(globals.Json, output, error, $"Erreur : « {siren} » n'est pas un SIREN (9 chiffres).");
        }

        if (normalisedSiren is not null && before is not null)
        {
            return await UserErrors.FailAsync(globals.Json, output, error, "Erreur : --siren efface tout un membre, quelle que soit la date : n'indiquez pas --avant avec --siren.");
        }

        (VerbHost? opened, int failed) = await VerbHost.OpenAsync(globals, output, error, createData: false, cancellationToken,
            data => $"Erreur : le dossier de données « {data.Root} » est utilisé par un service « cleanum run » en cours : arrêtez-le le temps de la purge (le service purge aussi de lui-même chaque mois).");
        if (opened is null)
        {
            return failed;
        }

        await using VerbHost opening = opened;
        IHost host = opening.Host;
        var retention = host.Services.GetRequiredService<RetentionService>();
        PurgeResult result = normalisedSiren is null
            ? await retention.PurgeSupersededAsync(receivedBefore, dryRun, Origin, cancellationToken)
            : await retention.EraseMemberAsync(normalisedSiren, dryRun, Origin, cancellationToken);

        if (globals.Json)
        {
            await output.WriteLineAsync(JsonOutput.Serialize(new
            {
                kind = normalisedSiren is null ? "retention" : "erasure",
                siren = normalisedSiren,
                receivedBefore = result.ReceivedBeforeUtc,
                dryRun,
                submissions = result.Submissions,
                files = result.Files,
            }));
            return ExitCodes.Ok;
        }

        string verb = dryRun ? "seraient" : "ont été";
        if (normalisedSiren is not null)
        {
            await output.WriteLineAsync(result.Submissions == 0 && result.Files.Count == 0
                ? $"Aucune donnée pour le SIREN {normalisedSiren} : rien à effacer."
                : $"Membre {normalisedSiren} : {result.Submissions} version(s) et {result.Files.Count} fichier(s) {verb} effacés (demande d'effacement).");
        }
        else
        {
            string date = result.ReceivedBeforeUtc is { } b ? Core.ParisTime.ToParis(b).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";
            await output.WriteLineAsync(
                $"{result.Submissions} version(s) remplacée(s) reçue(s) avant le {date} : données personnelles {(dryRun ? "à effacer" : "effacées")} ; {result.Files.Count} fichier(s) {(dryRun ? "à supprimer" : "supprimé(s)")}.");
        }

        if (dryRun)
        {
            foreach (string file in result.Files)
            {
                await output.WriteLineAsync($"    {file}");
            }

            await output.WriteLineAsync("Simulation (--dry-run) : rien n'a été effacé.");
        }

        return ExitCodes.Ok;
    }

    private static DateTime ParisMidnightUtc(DateOnly date)
    {
        DateTime local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(local, Core.ParisTime.Zone); // the one resolver: also a Windows without ICU
    }
}
