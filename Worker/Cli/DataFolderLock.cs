namespace CleaNum.Worker.Cli;

/// <summary>
/// One process at a time works in a data folder: <c>run</c> holds <c>.cleanum.lock</c> (an exclusive lock, flock on
/// Unix) for its whole life, and so do <c>ingest</c> and <c>consolidate</c> while they work. A verb that finds it held
/// says so in French and exits 2 instead of racing the service (service.md).
/// </summary>
internal static class DataFolderLock
{
    public const string FileName = ".cleanum.lock";

    /// <summary>The held lock, or null when another process holds it (the folder must exist).</summary>
    public static FileStream? TryAcquire(DataFolder data)
    {
        try
        {
            return new FileStream(Path.Combine(data.Root, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException && !SystemErrors.IsEnvironment(ex))
        {
            return null;
        }
    }

    public static string HeldByService(DataFolder data) =>
        $"Erreur : le dossier de données « {data.Root} » est utilisé par un service « cleanum run » en cours : "
        + $"déposez plutôt les fichiers dans « {data.Depot} » (ou un fichier « consolider » pour construire l'annexe) ; le service s'en charge.";
}
