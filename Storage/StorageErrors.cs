using CleaNum.Core.Ports;
using CleaNum.Storage.Dialects;

namespace CleaNum.Storage;

/// <summary>
/// Builds the messages of <see cref="StorageUnavailableException"/> and <see cref="SubmissionRejectedException"/>:
/// French first (what happened, what to do), then the provider and server or file, then the technical reason for the
/// logs. Never a password.
/// </summary>
internal static class StorageErrors
{
    public static StorageUnavailableException Unreachable(IDbConnectionFactory connections, Exception inner, bool isTransient) =>
        new($"Base de données injoignable : {Describe(connections)}. {Reason(inner)}", isTransient, inner)
        {
            Reason = FailureReason(connections, inner),
        };

    public static StorageUnavailableException MigrationFailed(IDbConnectionFactory connections, string? script, Exception inner) =>
        new($"Échec de la migration du schéma (schema migration failed) : {Describe(connections)}"
            + (script is null ? "" : $", script '{script}'") + $". {Reason(inner)}",
            isTransient: false, inner) { Reason = FailureReason(connections, inner) };

    public static StorageUnavailableException Failed(IDbConnectionFactory connections, Exception inner, bool isTransient) =>
        new($"Erreur de la base de données : {Describe(connections)}. {Reason(inner)}", isTransient, inner)
        {
            Reason = FailureReason(connections, inner),
        };

    /// <summary>A classified fault: its French sentence leads the message (TLS, login, permission, unreachable…).</summary>
    public static StorageUnavailableException From(IDbConnectionFactory connections, Exception inner, StorageFault fault)
    {
        string lead = fault.Kind switch
        {
            StorageFaultKind.Tls => "Connexion TLS refusée",
            StorageFaultKind.LoginFailed => "Connexion refusée par le serveur",
            StorageFaultKind.PermissionDenied => "Droits insuffisants sur la base de données",
            StorageFaultKind.DatabaseMissing => "Base de données introuvable",
            StorageFaultKind.Transient or StorageFaultKind.Deadlock => "Base de données injoignable",
            _ => "Erreur de la base de données",
        };
        string french = fault.French.Length == 0 ? "" : $" {Capitalise(fault.French)}";
        return new StorageUnavailableException($"{lead} : {Describe(connections)}.{french} ({Reason(inner)})", fault.IsTransient, inner)
        {
            Reason = fault.Reason is StoreFailureReason.Other ? FailureReason(connections, inner) : fault.Reason,
        };
    }

    public static SubmissionRejectedException Rejected(IDbConnectionFactory connections, Exception inner, StorageFault fault) =>
        new(fault.French, $"Données refusées par la base : {Describe(connections)}. {Capitalise(fault.French)} ({Reason(inner)})", inner);

    /// <summary>The port-level reason of a provider exception (or of one already translated), for the Worker's French
    /// sentences: the Worker never looks at a provider's exception types.</summary>
    private static StoreFailureReason FailureReason(IDbConnectionFactory connections, Exception inner)
    {
        if (inner is StoreUnavailableException translated)
        {
            return translated.Reason;
        }

        for (Exception? ex = inner; ex is not null; ex = ex.InnerException)
        {
            if (connections.Dialect.Classify(ex).Reason is not StoreFailureReason.Other and var reason)
            {
                return reason;
            }
        }

        return StoreFailureReason.Other;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Describe(IDbConnectionFactory connections)
    {
        try
        {
            return $"{connections.Dialect.Provider} — {connections.Description}";
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return $"{connections.Dialect.Provider} — chaîne de connexion invalide";
        }
    }

    private static string Reason(Exception inner) => inner switch
    {
        StoreUnavailableException s => s.Message,
        _ => $"{inner.GetType().Name}: {inner.Message}",
    };
}
