using System.Data.Common;
using CleaNum.Core.Mail;
using CleaNum.Core.Ports;
using CleaNum.Storage.Dialects;
using CleaNum.Storage.Rows;
using Dapper;

namespace CleaNum.Storage;

/// <summary><see cref="IMailStore"/> and <see cref="IReportLog"/> on Dapper (tables <c>member_mail</c> and
/// <c>member_report</c>, migration 0004). State changes are single conditional UPDATEs: two senders never both take
/// the same message.</summary>
internal sealed class MailRepository(IDbConnectionFactory connections) : IMailStore, IReportLog
{
    private readonly ISqlDialect _dialect = connections.Dialect;

    private readonly string _insertReportSql = InsertReportSql + connections.Dialect.SelectIdentity;

    private const string MailColumns = """
        m.id, m.mail_key, m.kind, m.siren, m.member_name, m.submission_id, m.to_address, m.subject, m.text_body,
        m.html_body, m.attachments, m.report_path, m.message_id, m.state, m.attempts, m.created_at_utc,
        m.next_attempt_at_utc, m.sent_at_utc, m.last_error, m.location
        """;

    private const string InsertMailSql = """
        INSERT INTO member_mail (mail_key, kind, siren, member_name, submission_id, to_address, subject, text_body,
            html_body, attachments, report_path, message_id, state, attempts, created_at_utc, next_attempt_at_utc,
            sent_at_utc, last_error, location)
        VALUES (@MailKey, @Kind, @Siren, @MemberName, @SubmissionId, @ToAddress, @Subject, @TextBody,
            @HtmlBody, @Attachments, @ReportPath, @MessageId, @State, @Attempts, @CreatedAtUtc, @NextAttemptAtUtc,
            @SentAtUtc, @LastError, @Location)
        """;

    private const string MailKeyExistsSql = "SELECT COUNT(*) FROM member_mail WHERE mail_key = @MailKey";

    public async Task<MemberMail?> EnqueueAsync(MemberMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        MemberMailRow row = MemberMailRow.From(mail with { State = MailState.Pending, Attempts = 0 });
        return await WriteAsync(async connection =>
        {
            if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    MailKeyExistsSql, new { row.MailKey }, cancellationToken: cancellationToken)) > 0)
            {
                return null;
            }

            try
            {
                long id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    InsertMailSql + _dialect.SelectIdentity, row, cancellationToken: cancellationToken));
                return mail with { Id = id, State = MailState.Pending, Attempts = 0 };
            }
            catch (Exception ex) when (_dialect.IsUniqueViolation(ex))
            {
                return null; // queued by a concurrent writer
            }
        }, cancellationToken);
    }

    private const string DueSql = $"""
        SELECT {MailColumns} FROM member_mail m
        WHERE m.state = 'pending' AND m.next_attempt_at_utc <= @Now
        ORDER BY m.id
        """;

    public Task<IReadOnlyList<MemberMail>> GetDueAsync(DateTime nowUtc, CancellationToken cancellationToken) =>
        QueryMailAsync(DueSql, new { Now = nowUtc }, cancellationToken);

    private const string StartSendingSql = """
        UPDATE member_mail SET state = 'sending', attempts = attempts + 1, next_attempt_at_utc = @Now
        WHERE id = @Id AND state = 'pending'
        """;

    public Task<bool> TryStartSendingAsync(long id, DateTime nowUtc, CancellationToken cancellationToken) =>
        WriteAsync(async connection => await connection.ExecuteAsync(new CommandDefinition(
            StartSendingSql, new { Id = id, Now = nowUtc }, cancellationToken: cancellationToken)) == 1, cancellationToken);

    private const string MarkSentSql = """
        UPDATE member_mail SET state = 'sent', sent_at_utc = @Now, location = @Location, last_error = NULL WHERE id = @Id
        """;

    public Task MarkSentAsync(long id, DateTime nowUtc, string location, CancellationToken cancellationToken) =>
        ExecuteAsync(MarkSentSql, new { Id = id, Now = nowUtc, Location = location }, cancellationToken);

    private const string MarkRetrySql = """
        UPDATE member_mail SET state = 'pending', next_attempt_at_utc = @RetryAt, last_error = @Reason WHERE id = @Id
        """;

    public Task MarkRetryAsync(long id, DateTime retryAtUtc, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync(MarkRetrySql, new { Id = id, RetryAt = retryAtUtc, Reason = reason }, cancellationToken);

    private const string MarkFailedSql = """
        UPDATE member_mail SET state = 'failed', next_attempt_at_utc = @Now, last_error = @Reason WHERE id = @Id
        """;

    public Task MarkFailedAsync(long id, DateTime nowUtc, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync(MarkFailedSql, new { Id = id, Now = nowUtc, Reason = reason }, cancellationToken);

    private const string MarkInterruptedSql = """
        UPDATE member_mail SET state = 'interrupted', next_attempt_at_utc = @Now,
            last_error = @Reason
        WHERE state = 'sending'
        """;

    public Task<int> MarkInterruptedAsync(DateTime nowUtc, CancellationToken cancellationToken) =>
        WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(MarkInterruptedSql, new
        {
            Now = nowUtc,
            Reason = "le service s'est arrêté pendant l'envoi ; le message n'est pas renvoyé pour ne pas l'envoyer deux fois",
        }, cancellationToken: cancellationToken)), cancellationToken);

    private const string LatestPerMemberSql = $"""
        SELECT {MailColumns} FROM member_mail m
        WHERE m.siren IS NOT NULL
          AND m.id = (SELECT MAX(x.id) FROM member_mail x WHERE x.siren = m.siren)
        """;

    private const string LatestPerMemberOfKindSql = $"""
        SELECT {MailColumns} FROM member_mail m
        WHERE m.siren IS NOT NULL AND m.kind = @Kind
          AND m.id = (SELECT MAX(x.id) FROM member_mail x WHERE x.siren = m.siren AND x.kind = @Kind)
        """;

    public async Task<IReadOnlyDictionary<string, MemberMail>> GetLatestPerMemberAsync(MailKind? kind, CancellationToken cancellationToken)
    {
        IReadOnlyList<MemberMail> mails = kind is { } k
            ? await QueryMailAsync(LatestPerMemberOfKindSql, new { Kind = MailCodes.ToCode(k) }, cancellationToken)
            : await QueryMailAsync(LatestPerMemberSql, null, cancellationToken);
        return mails.ToDictionary(m => m.Siren!, StringComparer.Ordinal);
    }

    private const string ByMemberSql = $"""
        SELECT {MailColumns} FROM member_mail m WHERE m.siren = @Siren ORDER BY m.id
        """;

    public Task<IReadOnlyList<MemberMail>> GetByMemberAsync(string siren, CancellationToken cancellationToken) =>
        QueryMailAsync(ByMemberSql, new { Siren = siren }, cancellationToken);

    private const string DeleteMailByMemberSql = "DELETE FROM member_mail WHERE siren = @Siren";

    public Task<int> DeleteByMemberAsync(string siren, CancellationToken cancellationToken) =>
        WriteAsync(async connection =>
            await connection.ExecuteAsync(new CommandDefinition(DeleteMailByMemberSql, new { Siren = siren }, cancellationToken: cancellationToken))
            + await connection.ExecuteAsync(new CommandDefinition(DeleteReportsByMemberSql, new { Siren = siren }, cancellationToken: cancellationToken)),
            cancellationToken);

    private const string DeleteMailBySubmissionSql = "DELETE FROM member_mail WHERE submission_id = @SubmissionId";

    public Task<int> DeleteBySubmissionsAsync(IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submissionIds);
        return WriteAsync(async connection => submissionIds.Count == 0 ? 0 : await connection.ExecuteAsync(new CommandDefinition(
            DeleteMailBySubmissionSql, submissionIds.Select(id => new { SubmissionId = id }).ToList(),
            cancellationToken: cancellationToken)), cancellationToken);
    }

    // ---- IReportLog ----

    private const string ReportColumns = """
        r.id, r.siren, r.submission_id, r.reason, r.report_path, r.annotated_path, r.verdict, r.error_count,
        r.warning_count, r.issued_at_utc
        """;

    private const string InsertReportSql = """
        INSERT INTO member_report (siren, submission_id, reason, report_path, annotated_path, verdict, error_count,
            warning_count, issued_at_utc)
        VALUES (@Siren, @SubmissionId, @Reason, @ReportPath, @AnnotatedPath, @Verdict, @ErrorCount,
            @WarningCount, @IssuedAtUtc)
        """;

    public Task<IssuedReport> RecordAsync(IssuedReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        return WriteAsync(async connection =>
        {
            // typed like every row (RowParameters): the time as DATETIME2
            await using var insert = new RowCommand<IssuedReportRow>(connection, null, _insertReportSql);
            long id = await insert.ExecuteScalarAsync(IssuedReportRow.From(report), cancellationToken);
            return report with { Id = id };
        }, cancellationToken);
    }

    private const string FirstReportSql = $"""
        SELECT {ReportColumns} FROM member_report r
        WHERE r.id = (SELECT MIN(x.id) FROM member_report x WHERE x.submission_id = @SubmissionId)
        """;

    public Task<IssuedReport?> GetFirstAsync(long submissionId, CancellationToken cancellationToken) =>
        WriteAsync(async connection => (await connection.QueryFirstOrDefaultAsync<IssuedReportRow>(new CommandDefinition(
            FirstReportSql, new { SubmissionId = submissionId }, cancellationToken: cancellationToken)))?.ToDomain(),
            cancellationToken);

    private const string LatestReportsSql = $"""
        SELECT {ReportColumns} FROM member_report r
        WHERE r.reason <> 'duplicate'
          AND r.id = (SELECT MAX(x.id) FROM member_report x WHERE x.submission_id = r.submission_id AND x.reason <> 'duplicate')
        """;

    public async Task<IReadOnlyDictionary<long, IssuedReport>> GetLatestAsync(IReadOnlyCollection<long> submissionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submissionIds);
        var wanted = submissionIds.ToHashSet();
        IEnumerable<IssuedReportRow> rows = await WriteAsync(connection => connection.QueryAsync<IssuedReportRow>(
            new CommandDefinition(LatestReportsSql, cancellationToken: cancellationToken)), cancellationToken);
        return rows.Where(r => wanted.Contains(r.SubmissionId)).ToDictionary(r => r.SubmissionId, r => r.ToDomain());
    }

    private const string LatestReportPerMemberSql = $"""
        SELECT {ReportColumns} FROM member_report r
        WHERE r.siren IS NOT NULL AND r.id = (SELECT MAX(x.id) FROM member_report x WHERE x.siren = r.siren)
        """;

    public async Task<IReadOnlyDictionary<string, IssuedReport>> GetLatestPerMemberAsync(CancellationToken cancellationToken)
    {
        IEnumerable<IssuedReportRow> rows = await WriteAsync(connection => connection.QueryAsync<IssuedReportRow>(
            new CommandDefinition(LatestReportPerMemberSql, cancellationToken: cancellationToken)), cancellationToken);
        return rows.ToDictionary(r => r.Siren!, r => r.ToDomain(), StringComparer.Ordinal);
    }

    private const string DeleteReportsByMemberSql = "DELETE FROM member_report WHERE siren = @Siren";

    Task<int> IReportLog.DeleteByMemberAsync(string siren, CancellationToken cancellationToken) =>
        ExecuteAsync(DeleteReportsByMemberSql, new { Siren = siren }, cancellationToken);

    // ---- plumbing ----

    private async Task<IReadOnlyList<MemberMail>> QueryMailAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        IEnumerable<MemberMailRow> rows = await WriteAsync(connection => connection.QueryAsync<MemberMailRow>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), cancellationToken);
        return [.. rows.Select(r => r.ToDomain())];
    }

    private Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        WriteAsync(connection => connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)),
            cancellationToken);

    private async Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        try
        {
            await using DbConnection connection = await connections.OpenAsync(cancellationToken);
            return await action(connection);
        }
        catch (Exception ex) when (ex is not StorageUnavailableException
                                   && _dialect.Classify(ex) is { Kind: not StorageFaultKind.Unknown and not StorageFaultKind.UniqueViolation } fault)
        {
            // every provider fault leaves Storage as the port's exception (the Worker never sees a provider's types)
            throw fault.IsTransient ? StorageErrors.Failed(connections, ex, isTransient: true) : StorageErrors.From(connections, ex, fault);
        }
    }
}
