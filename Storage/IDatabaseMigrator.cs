namespace CleaNum.Storage;

/// <summary>
/// Creates or upgrades the schema with the embedded scripts of the configured provider. Runs once per process: the
/// hosted service calls it at start-up; a one-shot CLI command may call it first itself. Throws
/// <see cref="StorageUnavailableException"/> when the database cannot be reached or a script fails.
/// </summary>
public interface IDatabaseMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
