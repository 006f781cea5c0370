using System.Data.Common;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Storage.Dialects;
using Dapper;

namespace CleaNum.Storage;

/// <summary><see cref="IRetentionStore"/> on Dapper, portable SQL (SQLite and SQL Server alike).</summary>
internal sealed class RetentionRepository(IDbConnectionFactory connections) : IRetentionStore
{
    private readonly ISqlDialect _dialect = connections.Dialect;

    private const string Columns = """
        s.id, s.file_name, s.sha256, s.received_at_utc, s.status, s.siren,
        (SELECT MIN(n.received_at_utc) FROM submission n WHERE n.siren = s.siren AND n.version > s.version) AS next_received_at_utc
        """;

    private const string FindSupersededSql = $"""
        SELECT {Columns}
        FROM submission s
        WHERE s.received_at_utc < @ReceivedBeforeUtc
          AND s.purged_at_utc IS NULL
          AND (s.siren IS NULL OR EXISTS (
                SELECT 1 FROM submission n
                WHERE n.siren = s.siren AND n.version > s.version
                  AND n.status IN ('accepted', 'accepted_with_warnings')))
        ORDER BY s.id
        """;

    public Task<IReadOnlyList<RetainedSubmission>> FindSupersededAsync(DateTime receivedBeforeUtc, CancellationToken cancellationToken) =>
        Translated(() => FindSupersededCoreAsync(receivedBeforeUtc, cancellationToken));

    private async Task<IReadOnlyList<RetainedSubmission>> FindSupersededCoreAsync(DateTime receivedBeforeUtc, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await connections.OpenAsync(cancellationToken);
        IEnumerable<Row> rows = await connection.QueryAsync<Row>(new CommandDefinition(
            FindSupersededSql, new { ReceivedBeforeUtc = receivedBeforeUtc }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    private const string FindMemberSql = $"SELECT {Columns} FROM submission s WHERE s.siren = @Siren ORDER BY s.id";

    public Task<IReadOnlyList<RetainedSubmission>> FindMemberAsync(string siren, CancellationToken cancellationToken) =>
        Translated(() => FindMemberCoreAsync(siren, cancellationToken));

    private async Task<IReadOnlyList<RetainedSubmission>> FindMemberCoreAsync(string siren, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await connections.OpenAsync(cancellationToken);
        IEnumerable<Row> rows = await connection.QueryAsync<Row>(new CommandDefinition(
            FindMemberSql, new { Siren = siren }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRecord())];
    }

    private const string DeleteIntervenantsSql = "DELETE FROM intervenant WHERE submission_id = @Id";

    private const string ClearContactsSql = """
        UPDATE organisation SET
            main_contact_name = NULL, main_contact_email = NULL, main_contact_phone = NULL,
            billing_contact_name = NULL, billing_contact_email = NULL, billing_contact_phone = NULL
        WHERE submission_id = @Id
        """;

    private const string ClearReferenceContactsSql = "UPDATE reference SET client_contact = NULL WHERE submission_id = @Id";

    private const string ClearIssueValuesSql = """
        UPDATE issue SET cell_value = NULL, message = code WHERE submission_id = @Id
        """;

    // a sent message holds the contact address and the issues as written to the member: it goes with the version
    private const string DeleteMailSql = "DELETE FROM member_mail WHERE submission_id = @Id";

    private const string MarkPurgedSql = "UPDATE submission SET purged_at_utc = @PurgedAtUtc WHERE id = @Id";

    public Task PurgePersonalDataAsync(IReadOnlyList<long> submissionIds, PurgeRecord record, CancellationToken cancellationToken) =>
        Translated(async () => { await PurgePersonalDataCoreAsync(submissionIds, record, cancellationToken); return 0; });

    private async Task PurgePersonalDataCoreAsync(IReadOnlyList<long> submissionIds, PurgeRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submissionIds);
        ArgumentNullException.ThrowIfNull(record);
        await using DbConnection connection = await connections.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        var ids = submissionIds.Select(id => new { Id = id, record.PurgedAtUtc }).ToList();
        if (ids.Count > 0)
        {
            foreach (string sql in new[] { DeleteIntervenantsSql, DeleteMailSql, ClearContactsSql, ClearReferenceContactsSql, ClearIssueValuesSql, MarkPurgedSql })
            {
                await connection.ExecuteAsync(new CommandDefinition(sql, ids, transaction, cancellationToken: cancellationToken));
            }
        }

        await InsertRecordAsync(connection, transaction, record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static readonly string[] EraseMemberSql =
    [
        "DELETE FROM member_mail WHERE siren = @Siren",
        "DELETE FROM member_report WHERE siren = @Siren",
        "DELETE FROM issue WHERE submission_id IN (SELECT id FROM submission WHERE siren = @Siren)",
        "DELETE FROM intervenant WHERE submission_id IN (SELECT id FROM submission WHERE siren = @Siren)",
        "DELETE FROM reference WHERE submission_id IN (SELECT id FROM submission WHERE siren = @Siren)",
        "DELETE FROM activity WHERE submission_id IN (SELECT id FROM submission WHERE siren = @Siren)",
        "DELETE FROM establishment WHERE submission_id IN (SELECT id FROM submission WHERE siren = @Siren)",
        "DELETE FROM organisation WHERE submission_id IN (SELECT id FROM submission WHERE siren = @Siren)",
        "DELETE FROM submission WHERE siren = @Siren",
        "DELETE FROM member WHERE siren = @Siren",
    ];

    public Task EraseMemberAsync(string siren, PurgeRecord record, CancellationToken cancellationToken) =>
        Translated(async () => { await EraseMemberCoreAsync(siren, record, cancellationToken); return 0; });

    private async Task EraseMemberCoreAsync(string siren, PurgeRecord record, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siren);
        ArgumentNullException.ThrowIfNull(record);
        await using DbConnection connection = await connections.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        foreach (string sql in EraseMemberSql)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new { Siren = siren }, transaction, cancellationToken: cancellationToken));
        }

        await InsertRecordAsync(connection, transaction, record, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private const string InsertRecordSql = """
        INSERT INTO purge_log (purged_at_utc, kind, siren, received_before_utc, submissions, files, origin)
        VALUES (@PurgedAtUtc, @Kind, @Siren, @ReceivedBeforeUtc, @Submissions, @Files, @Origin)
        """;

    private static Task<int> InsertRecordAsync(DbConnection connection, DbTransaction transaction, PurgeRecord record, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertRecordSql, new
        {
            record.PurgedAtUtc,
            record.Kind,
            record.Siren,
            record.ReceivedBeforeUtc,
            record.Submissions,
            record.Files,
            record.Origin,
        }, transaction, cancellationToken: cancellationToken));

    private const string PurgesSql = """
        SELECT purged_at_utc, kind, siren, received_before_utc, submissions, files, origin FROM purge_log ORDER BY id
        """;

    public Task<IReadOnlyList<PurgeRecord>> GetPurgesAsync(CancellationToken cancellationToken) =>
        Translated(() => GetPurgesCoreAsync(cancellationToken));

    private async Task<IReadOnlyList<PurgeRecord>> GetPurgesCoreAsync(CancellationToken cancellationToken)
    {
        await using DbConnection connection = await connections.OpenAsync(cancellationToken);
        IEnumerable<PurgeRow> rows = await connection.QueryAsync<PurgeRow>(new CommandDefinition(PurgesSql, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PurgeRecord(r.PurgedAtUtc, r.Kind, r.Siren, r.ReceivedBeforeUtc, (int)r.Submissions, (int)r.Files, r.Origin))];
    }

    /// <summary>Every provider fault leaves Storage as the port's exception (the Worker never sees a provider's types).</summary>
    private async Task<T> Translated<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is not StorageUnavailableException && _dialect.Classify(ex) is { Kind: not StorageFaultKind.Unknown } fault)
        {
            throw fault.IsTransient ? StorageErrors.Failed(connections, ex, isTransient: true) : StorageErrors.From(connections, ex, fault);
        }
    }

    private sealed class Row
    {
        public long Id { get; set; }
        public string FileName { get; set; } = "";
        public string Sha256 { get; set; } = "";
        public DateTime ReceivedAtUtc { get; set; }
        public string Status { get; set; } = "";
        public string? Siren { get; set; }
        public DateTime? NextReceivedAtUtc { get; set; }

        public RetainedSubmission ToRecord() => new(Id, FileName, Sha256, ReceivedAtUtc, StorageCodes.ToStatus(Status), Siren, NextReceivedAtUtc);
    }

    private sealed class PurgeRow
    {
        public DateTime PurgedAtUtc { get; set; }
        public string Kind { get; set; } = "";
        public string? Siren { get; set; }
        public DateTime? ReceivedBeforeUtc { get; set; }
        public long Submissions { get; set; }
        public long Files { get; set; }
        public string Origin { get; set; } = "";
    }
}
