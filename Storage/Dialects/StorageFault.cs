namespace CleaNum.Storage.Dialects;

/// <summary>What a provider exception means for CleaNum (see <see cref="ISqlDialect.Classify"/>).</summary>
internal enum StorageFaultKind
{
    /// <summary>Not a database fault the storage layer knows (a bug, a cancellation): let it through.</summary>
    Unknown,

    /// <summary>Retrying later may succeed: network, timeout, server starting or failing over, busy file, lock timeout.</summary>
    Transient,

    /// <summary>Chosen as deadlock victim (SQL Server 1205): retry the whole transaction at once, in place.</summary>
    Deadlock,

    /// <summary>A unique constraint: a concurrent writer stored the same file or took the same version.</summary>
    UniqueViolation,

    /// <summary>This submission's data was refused (too long, NULL, constraint, overflow, conversion): only this file fails.</summary>
    DataRejected,

    /// <summary>The encrypted connection failed (certificate not trusted, name mismatch, TLS handshake).</summary>
    Tls,

    /// <summary>The server refused the login (18456, 18452, 18486, 18487, 18488).</summary>
    LoginFailed,

    /// <summary>The account lacks a permission (229, 230, 262, 297, 300, 1088, 2760, 15247...).</summary>
    PermissionDenied,

    /// <summary>The database does not exist or the login cannot open it (4060 at start-up, 911).</summary>
    DatabaseMissing,

    /// <summary>Any other database error (schema gone, corrupt file, read-only file): a retry will not fix it.</summary>
    Fatal,
}

/// <summary>A classified provider exception: its kind and, for the administrator, one French sentence saying what to do.</summary>
internal readonly record struct StorageFault(StorageFaultKind Kind, string French)
{
    public bool IsTransient => Kind is StorageFaultKind.Transient or StorageFaultKind.Deadlock;

    /// <summary>The port-level reason (<see cref="Core.Ports.StoreUnavailableException.Reason"/>) the provider's code says.</summary>
    public Core.Ports.StoreFailureReason Reason { get; init; }

    public static StorageFault Unknown { get; } = new(StorageFaultKind.Unknown, "");
}
