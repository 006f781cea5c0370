using System.Text.RegularExpressions;
using CleaNum.Storage;
using CleaNum.Worker.Service;

namespace CleaNum.Worker.Cli;

/// <summary>
/// service.md: anything a user can get wrong (<c>--data</c> naming a file or an unwritable folder, a <c>--db</c> that
/// is not a connection string, a missing data folder for <c>status</c>/<c>consolidate</c>, a full disk) ends with one
/// French sentence naming the thing and what to do, exit code 2, and no stack trace.
/// </summary>
internal static partial class UserErrors
{
    /// <summary>Prints <paramref name="message"/> on stderr and, with <c>--json</c>, <c>{"error": …}</c> on stdout (so a
    /// script always gets valid JSON); returns exit code 2.</summary>
    public static async Task<int> FailAsync(bool json, TextWriter output, TextWriter error, string message)
    {
        await error.WriteLineAsync(message);
        if (json)
        {
            await output.WriteLineAsync(JsonOutput.Serialize(new { error = message }));
        }

        return ExitCodes.Failure;
    }

    /// <summary>The data folder is fine to use, or the French sentence saying why not. <paramref name="create"/>:
    /// whether this verb may create it (<c>status</c> and <c>consolidate</c> never do).</summary>
    public static string? CheckDataFolder(DataFolder data, bool create)
    {
        if (File.Exists(data.Root))
        {
            return $"Erreur : « {data.Root} » est un fichier, pas un dossier de données : indiquez un dossier avec --data.";
        }

        if (!create && !Directory.Exists(data.Root))
        {
            return $"Erreur : le dossier de données « {data.Root} » n'existe pas : vérifiez le chemin donné à --data "
                + "(cette commande ne le crée pas ; « cleanum run » ou « cleanum ingest » le créent).";
        }

        try
        {
            data.EnsureCreated();
            string probe = Path.Combine(data.Root, $".cleanum-essai-{Guid.NewGuid():N}");
            try
            {
                using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough))
                {
                    stream.Write(new byte[4096]);
                    stream.Flush(flushToDisk: true);
                }
            }
            finally
            {
                File.Delete(probe);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Describe(ex, data.Root) ?? $"Erreur : « {data.Root} » n'est pas un dossier utilisable (un élément du chemin est-il un fichier ?) : indiquez un autre dossier avec --data.";
        }
    }

    /// <summary>The <c>--db</c> value (or the configured connection string) is one, or the French sentence saying why
    /// not. Never repeats the value: it may hold a password.</summary>
    public static string? CheckConnectionString(string? connectionString, StorageProvider provider)
    {
        if (connectionString is null)
        {
            return null;
        }

        const string Example = "par exemple « Data Source=/srv/cleanum/cleanum.db » pour SQLite, ou « Server=…;Database=CleaNum;Integrated Security=true;TrustServerCertificate=true » pour SQL Server";
        if (string.IsNullOrWhiteSpace(connectionString) || !connectionString.Contains('=', StringComparison.Ordinal))
        {
            return $"Erreur : la valeur donnée à --db (ou ConnectionStrings__CleaNum) n'est pas une chaîne de connexion « clé=valeur;… » ({Example}). Pour changer seulement de dossier, utilisez --data.";
        }

        try
        {
            if (provider == StorageProvider.SqlServer)
            {
                _ = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(connectionString);
            }
            else
            {
                _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
            }

            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return $"Erreur : la chaîne de connexion donnée à --db (ou ConnectionStrings__CleaNum) est mal formée ou contient un mot-clé inconnu pour {provider} ({Example}).";
        }
    }

    /// <summary>The French sentence for an exception a user's environment caused, or null when it is not one.</summary>
    public static string? Describe(Exception exception, string? dataRoot)
    {
        Exception ex = exception is AggregateException aggregate ? aggregate.GetBaseException() : exception;
        if (ex is DatabaseGoneException)
        {
            return ex.Message;
        }

        if (SystemErrors.IsDiskFull(ex))
        {
            return $"Erreur : le disque est plein{Where(ex, dataRoot)} : libérez de la place, puis relancez la commande.";
        }

        if (SystemErrors.IsNotWritable(ex))
        {
            return $"Erreur : impossible d'écrire{Where(ex, dataRoot)} (droits insuffisants ou support en lecture seule) : "
                + "donnez les droits d'écriture au compte qui lance cleanum, ou choisissez un autre dossier avec --data.";
        }

        if (ex is DirectoryNotFoundException or FileNotFoundException)
        {
            return $"Erreur : un fichier ou un dossier a disparu pendant l'opération{Where(ex, dataRoot)} (déplacé ou supprimé par un autre programme ?) : relancez la commande.";
        }

        if (ex is Core.Ports.StoreUnavailableException storage)
        {
            return $"Erreur : {storage.Message}";
        }

        if (ex is ArgumentException or FormatException or KeyNotFoundException && IsFromConnectionString(ex))
        {
            return "Erreur : la chaîne de connexion (--db ou ConnectionStrings__CleaNum) est mal formée : corrigez-la (par exemple « Data Source=/srv/cleanum/cleanum.db »).";
        }

        if (ex is IOException io)
        {
            return $"Erreur d'entrée-sortie{Where(ex, dataRoot)} : {io.Message}";
        }

        return null;
    }

    private static bool IsFromConnectionString(Exception ex) =>
        ex.StackTrace?.Contains("ConnectionString", StringComparison.Ordinal) == true
        || ex.Message.Contains("connection string", StringComparison.OrdinalIgnoreCase);

    /// <summary>« dans « path » »: the path the system names in its message, else the data folder.</summary>
    private static string Where(Exception ex, string? dataRoot)
    {
        Match quoted = QuotedPath().Match(ex.Message);
        string? path = quoted.Success ? quoted.Groups[1].Value : dataRoot;
        return path is null ? "" : $" dans « {path} »";
    }

    [GeneratedRegex("'(/[^']*|[A-Za-z]:\\\\[^']*)'")]
    private static partial Regex QuotedPath();
}
