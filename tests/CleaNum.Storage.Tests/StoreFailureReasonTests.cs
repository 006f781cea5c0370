using CleaNum.Core.Ports;
using CleaNum.Storage.Dialects;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleaNum.Storage.Tests;

/// <summary>
/// Storage translates its provider's errors into Core's port exceptions, with the reason the Worker turns into a French
/// sentence (full disk, read-only file): no <see cref="SqliteException"/> leaves Storage, whichever port was called.
/// Real SQLite files and real SQLite errors.
/// </summary>
public sealed class StoreFailureReasonTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTime Now = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Says_read_only_through_every_port_when_the_sqlite_file_cannot_be_written()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        DbConnectionFactory readOnly = ReadOnly(db);
        var submissions = new SubmissionRepository(readOnly, NullLogger<SubmissionRepository>.Instance);
        var mails = new MailRepository(readOnly);
        var retention = new RetentionRepository(readOnly);
        var purge = new PurgeRecord(Now, "retention", null, Now, 0, 0, "test");

        StoreUnavailableException[] errors =
        [
            await Assert.ThrowsAnyAsync<StoreUnavailableException>(() => submissions.AddAsync(ASubmission.Full(), None)),
            await Assert.ThrowsAnyAsync<StoreUnavailableException>(() => mails.MarkInterruptedAsync(Now, None)),
            await Assert.ThrowsAnyAsync<StoreUnavailableException>(() => retention.PurgePersonalDataAsync([], purge, None)),
        ];

        Assert.All(errors, e => Assert.Equal(StoreFailureReason.ReadOnly, e.Reason));
        Assert.All(errors, e => Assert.False(e.IsTransient));
    }

    [Fact]
    public async Task Says_disk_full_when_sqlite_runs_out_of_pages()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var connection = new SqliteConnection($"Data Source={db.Options.SqlitePath}");
        await connection.OpenAsync();
        await Execute(connection, "CREATE TABLE filler (b BLOB); PRAGMA max_page_count = 1;");
        SqliteException full = await Assert.ThrowsAsync<SqliteException>(() => Execute(connection, "INSERT INTO filler VALUES (zeroblob(1000000))"));

        StoreUnavailableException error = StorageErrors.From(db.Connections, full, db.Connections.Dialect.Classify(full));

        Assert.Equal(13, full.SqliteErrorCode);
        Assert.Equal(StoreFailureReason.DiskFull, error.Reason);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Keeps_the_reason_of_an_error_already_translated()
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        var inner = new StoreUnavailableException("plein", isTransient: true, null) { Reason = StoreFailureReason.DiskFull };

        StoreUnavailableException wrapped = StorageErrors.Failed(db.Connections, inner, isTransient: true);
        StoreUnavailableException other = StorageErrors.Failed(db.Connections, new InvalidOperationException("bug"), isTransient: false);

        Assert.Equal(StoreFailureReason.DiskFull, wrapped.Reason);
        Assert.Equal(StoreFailureReason.Other, other.Reason);
    }

    private static DbConnectionFactory ReadOnly(TestDatabase db) =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageOptions
        {
            Provider = StorageProvider.Sqlite,
            ConnectionString = $"Data Source={db.Options.SqlitePath};Mode=ReadOnly",
        }), new SqliteDialect());

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
