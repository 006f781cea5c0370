using CleaNum.Core.Ports;

namespace CleaNum.Storage;

/// <summary>
/// The database cannot be reached, opened or migrated: the Storage flavour of the port-level
/// <see cref="StoreUnavailableException"/> (catch that one outside Storage). The message names the provider and the
/// server or file, never a password. <see cref="StoreUnavailableException.IsTransient"/> is true when retrying later may
/// succeed (network down, server restarting, file locked): the dispatcher leaves the file where it is and retries with
/// backoff. It is false for faults a retry will not fix (failed migration, login refused, untrusted certificate,
/// corrupt or read-only file, bad configuration): the host stops with a non-zero exit code.
/// </summary>
public sealed class StorageUnavailableException : StoreUnavailableException
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal StorageUnavailableException(string message, bool isTransient, Exception? innerException)
        : base(message, isTransient, innerException)
    {
    }
}
