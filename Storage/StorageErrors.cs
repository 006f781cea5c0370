namespace CleaNum.Storage;

/// <summary>Builds the bilingual, password-free messages of <see cref="StorageUnavailableException"/>.</summary>
internal static class StorageErrors
{
    public static StorageUnavailableException Unreachable(IDbConnectionFactory connections, Exception inner, bool isTransient) =>
        new($"Base de données injoignable / database unreachable: {Describe(connections)}. {Reason(inner)}",
            isTransient, inner);

    public static StorageUnavailableException MigrationFailed(IDbConnectionFactory connections, string? script, Exception inner) =>
        new($"Échec de la migration du schéma / schema migration failed: {Describe(connections)}"
            + (script is null ? "" : $", script '{script}'") + $". {Reason(inner)}",
            isTransient: false, inner);

    public static StorageUnavailableException Failed(IDbConnectionFactory connections, Exception inner, bool isTransient) =>
        new($"Erreur de la base de données / database error: {Describe(connections)}. {Reason(inner)}",
            isTransient, inner);

    private static string Describe(IDbConnectionFactory connections)
    {
        try
        {
            return $"{connections.Dialect.Provider} — {connections.Description}";
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return $"{connections.Dialect.Provider} — invalid connection string";
        }
    }

    private static string Reason(Exception inner) => inner switch
    {
        StorageUnavailableException s => s.Message,
        _ => $"{inner.GetType().Name}: {inner.Message}",
    };
}
