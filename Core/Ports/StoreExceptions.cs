namespace CleaNum.Core.Ports;

/// <summary>
/// The store cannot be reached, opened or migrated (port-level: callers never catch a provider's ADO.NET types).
/// <see cref="IsTransient"/> is true when retrying later may succeed (network down, server restarting, file locked,
/// deadlock): the file waits and is retried with backoff. False for faults a retry will not fix (failed migration,
/// login refused, TLS certificate not trusted, corrupt or read-only file, schema gone): the host stops with a non-zero
/// exit code so the service manager restarts it and an administrator sees it. The message is French first, names the
/// provider and the server or file, never a password.
/// </summary>
public class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreUnavailableException(string message, bool isTransient, Exception? innerException)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>True when the same operation may succeed later (retry with backoff).</summary>
    public bool IsTransient { get; }
}

/// <summary>
/// The store refused this submission's data (a value too long for its column, a missing value, a constraint, an
/// overflow or a conversion: SQL Server 2628, 8152, 515, 547, 8115, 245; SQLite constraint, too big, mismatch). Only
/// this one file is concerned: the caller refuses it with a French report and goes on with the next one; the host
/// never stops for it. <see cref="Reason"/> is one French sentence for the member and the network head.
/// </summary>
public sealed class SubmissionRejectedException : Exception
{
    public SubmissionRejectedException()
    {
        Reason = "la base de données a refusé les données de ce fichier.";
    }

    public SubmissionRejectedException(string message)
        : base(message)
    {
        Reason = message;
    }

    public SubmissionRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public SubmissionRejectedException(string reason, string message, Exception? innerException)
        : base(message, innerException)
    {
        Reason = reason;
    }

    /// <summary>French, for the report: what the database refused (never a cell's content).</summary>
    public string Reason { get; }
}
