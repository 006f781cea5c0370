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

    /// <summary>What the machine did wrong, when the store could say (the adapter translates its provider's codes):
    /// the Worker tells a user a full disk or a read-only file in French from this, never from a provider exception.</summary>
    public StoreFailureReason Reason { get; init; }
}

/// <summary>Why a <see cref="StoreUnavailableException"/> happened, as far as the user can act on it.</summary>
public enum StoreFailureReason
{
    /// <summary>Anything else (the message says what).</summary>
    Other = 0,

    /// <summary>No space left for the database file or its journal (SQLite SQLITE_FULL).</summary>
    DiskFull,

    /// <summary>The database file or its folder cannot be written (SQLite SQLITE_READONLY, SQLITE_AUTH).</summary>
    ReadOnly,

    /// <summary>The server or file could not be reached or opened (network, timeout, server starting).</summary>
    Unreachable,
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
