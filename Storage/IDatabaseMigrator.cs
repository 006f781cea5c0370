namespace CleaNum.Storage;

/// <summary>
/// Creates or upgrades the schema with the embedded scripts of the configured provider. Runs once per process: the
/// hosted service calls it at start-up; a one-shot CLI command may call it first itself. Throws
/// <see cref="StorageUnavailableException"/> when the database cannot be reached or a script fails.
/// </summary>
public interface IDatabaseMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The scripts the last <see cref="MigrateAsync"/> of this process applied ("0002_x.sql"), empty when the
    /// schema was already up to date.</summary>
    IReadOnlyList<string> AppliedScripts { get; }

    /// <summary>The database, as safe to show (provider, server or file, database; never a password).</summary>
    string Description { get; }
}
