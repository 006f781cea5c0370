using System.Data;
using System.Data.Common;
using System.Globalization;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Storage.Dialects;
using CleaNum.Storage.Rows;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CleaNum.Storage;

/// <summary>
/// <see cref="ISubmissionStore"/> on Dapper. One write = one transaction: the duplicate check, the member's next version,
/// the submission row and all its child rows commit together or not at all. Uniqueness is enforced by the schema
/// (sha256 UNIQUE, (siren, version) UNIQUE); the locks only avoid needless conflicts.
/// </summary>
internal sealed class SubmissionRepository(IDbConnectionFactory connections, ILogger<SubmissionRepository> logger)
    : ISubmissionStore
{
    private const int MaxWriteAttempts = 3;

    private readonly ISqlDialect _dialect = connections.Dialect;

    private readonly string _findExistingAndNextVersionSql = connections.Dialect.Prepare(FindExistingAndNextVersionSql);

    private readonly string _insertSubmissionSql = InsertSubmissionSql + connections.Dialect.SelectIdentity;

    // ---- column lists (snake_case columns map to PascalCase row properties: Dapper MatchNamesWithUnderscores) ----

    private const string SubmissionColumns =
        "s.id, s.file_name, s.sha256, s.received_at_utc, s.size_bytes, s.status, s.campaign, s.version, s.siren, s.member_name, s.has_data";

    private const string OrganisationColumns = """
        o.submission_id, o.name, o.siren, o.main_activity, o.naf_code, o.nda, o.address, o.postal_code, o.city,
        o.region_code, o.website, o.creation_date, o.employee_count, o.main_contact_name, o.main_contact_email,
        o.main_contact_phone, o.has_billing_contact, o.billing_contact_name, o.billing_contact_email,
        o.billing_contact_phone, o.qualiopi, o.qualiopi_certificate, o.qualiopi_certifier, o.qualiopi_expiry,
        o.already_habilitated, o.habilitation_period, o.evaluator_count, o.trainer_count, o.references_summary,
        o.specificities, o.first_clea_numerique_request, o.clea_habilitated, o.clea_period,
        o.clea_management_habilitated, o.clea_management_period
        """;

    private const string EstablishmentColumns =
        "e.submission_id, e.ordinal, e.sheet_row, e.name, e.siret, e.address, e.postal_code, e.city, e.region_code";

    private const string IntervenantColumns = """
        v.submission_id, v.ordinal, v.sheet_row, v.last_name, v.first_name, v.role, v.diplomas,
        v.professional_experience, v.domains, v.evaluation_experience, v.year, v.siret, v.status
        """;

    private const string ReferenceColumns =
        "r.submission_id, r.ordinal, r.sheet_row, r.year, r.client, r.publics, r.domains, r.people_evaluated, r.sectors, r.description, "
        + "r.client_contact, r.topic, r.service_date";

    private const string ActivityColumns =
        "a.submission_id, a.ordinal, a.sheet_row, a.year, a.registered, a.prior_evaluations, a.final_evaluations, a.certified";

    private const string IssueColumns = """
        i.submission_id, i.ordinal, i.severity, i.code, i.sheet, i.sheet_row, i.column_label, i.cell_value, i.message,
        i.hint, i.cell_address
        """;

    // ---- AddAsync ----

    // The duplicate check and the member's next version in one round trip; on SQL Server both lock what they read.
    private const string FindExistingAndNextVersionSql = """
        SELECT
            (SELECT id FROM submission /**updlock**/ WHERE sha256 = @Sha256) AS existing_id,
            (SELECT COALESCE(MAX(version), 0) + 1 FROM submission /**updlock**/ WHERE siren = @Siren) AS next_version
        """;

    private const string InsertSubmissionSql = """
        INSERT INTO submission (file_name, sha256, received_at_utc, size_bytes, status, campaign, version, siren, member_name, has_data)
        VALUES (@FileName, @Sha256, @ReceivedAtUtc, @SizeBytes, @Status, @Campaign, @Version, @Siren, @MemberName, @HasData)
        """;

    private const string InsertOrganisationSql = """
        INSERT INTO organisation (submission_id, name, siren, main_activity, naf_code, nda, address, postal_code, city,
            region_code, website, creation_date, employee_count, main_contact_name, main_contact_email,
            main_contact_phone, has_billing_contact, billing_contact_name, billing_contact_email,
            billing_contact_phone, qualiopi, qualiopi_certificate, qualiopi_certifier, qualiopi_expiry,
            already_habilitated, habilitation_period, evaluator_count, trainer_count, references_summary, specificities,
            first_clea_numerique_request, clea_habilitated, clea_period, clea_management_habilitated, clea_management_period)
        VALUES (@SubmissionId, @Name, @Siren, @MainActivity, @NafCode, @Nda, @Address, @PostalCode, @City,
            @RegionCode, @Website, @CreationDate, @EmployeeCount, @MainContactName, @MainContactEmail,
            @MainContactPhone, @HasBillingContact, @BillingContactName, @BillingContactEmail,
            @BillingContactPhone, @Qualiopi, @QualiopiCertificate, @QualiopiCertifier, @QualiopiExpiry,
            @AlreadyHabilitated, @HabilitationPeriod, @EvaluatorCount, @TrainerCount, @ReferencesSummary, @Specificities,
            @FirstCleaNumeriqueRequest, @CleaHabilitated, @CleaPeriod, @CleaManagementHabilitated, @CleaManagementPeriod)
        """;

    public async Task<StoreResult> AddAsync(Submission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentException.ThrowIfNullOrWhiteSpace(submission.Sha256);

        for (int attempt = 1; ; attempt++)
        {
            StorageFault fault;
            Exception error;
            try
            {
                return await TryAddAsync(submission, cancellationToken);
            }
            catch (Exception ex) when (ex is not StoreUnavailableException && _dialect.Classify(ex).Kind != StorageFaultKind.Unknown)
            {
                fault = _dialect.Classify(ex);
                error = ex;
            }

            switch (fault.Kind)
            {
                case StorageFaultKind.UniqueViolation:
                    // A concurrent writer won the race: same file (sha256) → duplicate; same version → take the next one.
                    Submission? existing = await FindBySha256Async(submission.Sha256, cancellationToken);
                    if (existing is not null)
                    {
                        logger.DuplicateSubmission(submission.FileName, submission.Sha256, existing.Id);
                        return new StoreResult(existing, IsDuplicate: true);
                    }

                    if (attempt >= MaxWriteAttempts)
                    {
                        throw StorageErrors.Failed(connections, error, isTransient: true);
                    }

                    logger.WriteConflict(submission.FileName, attempt);
                    break;
                case StorageFaultKind.Deadlock when attempt < MaxWriteAttempts:
                    // SQL Server chose this transaction as deadlock victim and rolled it back: replay it now, in place.
                    logger.DeadlockRetried(submission.FileName, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
                    break;
                case StorageFaultKind.DataRejected:
                    throw StorageErrors.Rejected(connections, error, fault);
                default:
                    throw StorageErrors.From(connections, error, fault);
            }
        }
    }

    private async Task<StoreResult> TryAddAsync(Submission submission, CancellationToken cancellationToken)
    {
        await using DbConnection connection = await connections.OpenAsync(cancellationToken);
        await using DbTransaction transaction = await _dialect.BeginWriteTransactionAsync(connection, cancellationToken);

        (long? existingId, long nextVersion) = await FindExistingAndNextVersionAsync(connection, transaction, submission, cancellationToken);
        if (existingId is { } existing)
        {
            await transaction.RollbackAsync(cancellationToken);
            Submission stored = await LoadAsync(connection, existing, cancellationToken)
                ?? throw new InvalidOperationException($"Submission {existing} vanished.");
            logger.DuplicateSubmission(submission.FileName, submission.Sha256, existing);
            return new StoreResult(stored, IsDuplicate: true);
        }

        int version = 0;
        if (submission.Siren is { } siren)
        {
            version = checked((int)nextVersion);
            await using var upsert = new RowCommand<MemberRow>(connection, transaction, _dialect.UpsertMemberSql);
            await upsert.ExecuteAsync(
                new MemberRow { Siren = siren, MemberName = submission.MemberName, ReceivedAtUtc = submission.ReceivedAtUtc }, cancellationToken);
        }

        long id;
        await using (var insert = new RowCommand<SubmissionRow>(connection, transaction, _insertSubmissionSql))
        {
            id = await insert.ExecuteScalarAsync(SubmissionRow.From(submission, version), cancellationToken);
        }

        if (submission.Data is { } data)
        {
            await using (var organisation = new RowCommand<OrganisationRow>(connection, transaction, InsertOrganisationSql))
            {
                await organisation.ExecuteAsync(OrganisationRow.From(id, data.Organisation), cancellationToken);
            }

            await InsertAsync(connection, transaction, "establishment",
                [.. data.Establishments.Select((e, i) => EstablishmentRow.From(id, i, e))], cancellationToken);
            await InsertAsync(connection, transaction, "intervenant",
                [.. data.Intervenants.Select((v, i) => IntervenantRow.From(id, i, v))], cancellationToken);
            await InsertAsync(connection, transaction, "reference",
                [.. data.References.Select((r, i) => ReferenceRow.From(id, i, r))], cancellationToken);
            await InsertAsync(connection, transaction, "activity",
                [.. data.Activity.Select((a, i) => ActivityRow.From(id, i, a))], cancellationToken);
        }

        await InsertAsync(connection, transaction, "issue",
            [.. submission.Issues.Select((issue, i) => IssueRow.From(id, i, issue))], cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        logger.SubmissionStored(id, submission.FileName, submission.Siren, version);
        return new StoreResult(submission with { Id = id, Version = version }, IsDuplicate: false);
    }

    /// <summary>The id of a stored file with the same sha256 (or null) and the member's next version, in one query.</summary>
    private async Task<(long? ExistingId, long NextVersion)> FindExistingAndNextVersionAsync(
        DbConnection connection, DbTransaction transaction, Submission submission, CancellationToken cancellationToken)
    {
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _findExistingAndNextVersionSql;
        AddText(command, "@Sha256", submission.Sha256);
        AddText(command, "@Siren", submission.Siren);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("The duplicate and version query returned no row.");
        }

        long? existingId = reader.IsDBNull(0) ? null : Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        return (existingId, Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    /// <summary>A string parameter as Dapper would send it (NVARCHAR(4000) on SQL Server, a typed NULL when null).</summary>
    private static void AddText(DbCommand command, string name, string? value)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.String;
        parameter.Size = 4000;
        parameter.Value = (object?)value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// A table's child rows. SQL Server: multi-row INSERTs (<see cref="RowParameters.Batches{T}"/>: at most 2,000
    /// parameters and 1,000 rows each), so 200 CVs cost two round trips instead of 200. SQLite has no round trips but
    /// compiles every distinct statement text: one single-row INSERT, prepared once, re-executed with each row's values
    /// (<see cref="ISqlDialect.BatchesRows"/>).
    /// </summary>
    private async Task InsertAsync<TRow>(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
        where TRow : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!_dialect.BatchesRows)
        {
            await using var insert = new RowCommand<TRow>(connection, transaction, RowParameters<TRow>.InsertRowSql(table));
            foreach (TRow row in rows)
            {
                await insert.ExecuteAsync(row, cancellationToken);
            }

            return;
        }

        foreach (IReadOnlyList<TRow> batch in RowParameters.Batches(rows))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                RowParameters<TRow>.InsertSql(table, batch.Count), new RowParameters<TRow>(batch), transaction,
                cancellationToken: cancellationToken));
        }
    }

    // ---- reads ----

    private const string FindBySha256Sql = """
        SELECT id FROM submission WHERE sha256 = @Sha256
        """;

    public Task<Submission?> FindBySha256Async(string sha256, CancellationToken cancellationToken) =>
        ReadAsync(async connection =>
        {
            object? id;
            await using (DbCommand command = connection.CreateCommand())
            {
                command.CommandText = FindBySha256Sql;
                AddText(command, "@Sha256", sha256);
                id = await command.ExecuteScalarAsync(cancellationToken);
            }

            return id is null or DBNull ? null : await LoadAsync(connection, Convert.ToInt64(id, CultureInfo.InvariantCulture), cancellationToken);
        }, cancellationToken);

    public Task<Submission?> GetAsync(long id, CancellationToken cancellationToken) =>
        ReadAsync(connection => LoadAsync(connection, id, cancellationToken), cancellationToken);

    private const string LoadSql = $"""
        SELECT {SubmissionColumns} FROM submission s WHERE s.id = @Id;
        SELECT {OrganisationColumns} FROM organisation o WHERE o.submission_id = @Id;
        SELECT {EstablishmentColumns} FROM establishment e WHERE e.submission_id = @Id ORDER BY e.ordinal;
        SELECT {IntervenantColumns} FROM intervenant v WHERE v.submission_id = @Id ORDER BY v.ordinal;
        SELECT {ReferenceColumns} FROM reference r WHERE r.submission_id = @Id ORDER BY r.ordinal;
        SELECT {ActivityColumns} FROM activity a WHERE a.submission_id = @Id ORDER BY a.ordinal;
        SELECT {IssueColumns} FROM issue i WHERE i.submission_id = @Id ORDER BY i.ordinal;
        """;

    private static async Task<Submission?> LoadAsync(DbConnection connection, long id, CancellationToken cancellationToken)
    {
        IReadOnlyList<Submission> loaded = await LoadManyAsync(connection,
            new CommandDefinition(LoadSql, new { Id = id }, cancellationToken: cancellationToken), withData: true);
        return loaded.Count == 0 ? null : loaded[0];
    }

    private const string VersionsSql = $"""
        SELECT {SubmissionColumns} FROM submission s WHERE s.siren = @Siren ORDER BY s.version;
        SELECT {IssueColumns} FROM issue i
        WHERE i.submission_id IN (SELECT x.id FROM submission x WHERE x.siren = @Siren)
        ORDER BY i.submission_id, i.ordinal;
        """;

    public Task<IReadOnlyList<Submission>> GetVersionsAsync(string siren, CancellationToken cancellationToken) =>
        ReadAsync(connection => LoadManyAsync(connection,
            new CommandDefinition(VersionsSql, new { Siren = siren }, cancellationToken: cancellationToken), withData: false),
            cancellationToken);

    private const string CurrentIds = "SELECT c.id FROM current_submission c WHERE c.campaign = @Campaign";

    private const string CurrentVersionsSql = $"""
        SELECT {SubmissionColumns} FROM submission s WHERE s.id IN ({CurrentIds}) ORDER BY s.member_name, s.siren;
        SELECT {OrganisationColumns} FROM organisation o WHERE o.submission_id IN ({CurrentIds});
        SELECT {EstablishmentColumns} FROM establishment e WHERE e.submission_id IN ({CurrentIds}) ORDER BY e.submission_id, e.ordinal;
        SELECT {IntervenantColumns} FROM intervenant v WHERE v.submission_id IN ({CurrentIds}) ORDER BY v.submission_id, v.ordinal;
        SELECT {ReferenceColumns} FROM reference r WHERE r.submission_id IN ({CurrentIds}) ORDER BY r.submission_id, r.ordinal;
        SELECT {ActivityColumns} FROM activity a WHERE a.submission_id IN ({CurrentIds}) ORDER BY a.submission_id, a.ordinal;
        SELECT {IssueColumns} FROM issue i WHERE i.submission_id IN ({CurrentIds}) ORDER BY i.submission_id, i.ordinal;
        """;

    public Task<IReadOnlyList<Submission>> GetCurrentVersionsAsync(int campaign, CancellationToken cancellationToken) =>
        ReadAsync(connection => LoadManyAsync(connection,
            new CommandDefinition(CurrentVersionsSql, new { Campaign = campaign }, cancellationToken: cancellationToken),
            withData: true), cancellationToken);

    private const string CountMembersSql = """
        SELECT COUNT(DISTINCT siren) FROM submission WHERE campaign = @Campaign AND siren IS NOT NULL
        """;

    public Task<int> CountMembersAsync(int campaign, CancellationToken cancellationToken) =>
        ReadAsync(connection => connection.ExecuteScalarAsync<int>(new CommandDefinition(
            CountMembersSql, new { Campaign = campaign }, cancellationToken: cancellationToken)), cancellationToken);

    private const string MemberSirensSql = """
        SELECT DISTINCT siren FROM submission WHERE campaign = @Campaign AND siren IS NOT NULL ORDER BY siren
        """;

    public Task<IReadOnlyList<string>> GetMemberSirensAsync(int campaign, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<string>>(async connection => [.. await connection.QueryAsync<string>(new CommandDefinition(
            MemberSirensSql, new { Campaign = campaign }, cancellationToken: cancellationToken))], cancellationToken);

    private const string MemberStatusesSql = """
        SELECT s.siren, COALESCE(s.member_name, m.name) AS name, s.file_name, s.received_at_utc, s.status, s.version,
            (SELECT COUNT(*) FROM issue i WHERE i.submission_id = s.id AND i.severity = 'error') AS error_count,
            (SELECT COUNT(*) FROM issue i WHERE i.submission_id = s.id AND i.severity = 'warning') AS warning_count,
            (SELECT COUNT(*) FROM establishment e WHERE e.submission_id = s.id) AS establishment_count,
            (SELECT COUNT(*) FROM intervenant v WHERE v.submission_id = s.id) AS intervenant_count
        FROM submission s
        JOIN member m ON m.siren = s.siren
        WHERE s.campaign = @Campaign
          AND s.version = (SELECT MAX(l.version) FROM submission l WHERE l.siren = s.siren AND l.campaign = @Campaign)
        ORDER BY COALESCE(s.member_name, m.name), s.siren
        """;

    public Task<IReadOnlyList<MemberStatus>> GetMemberStatusesAsync(int campaign, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<MemberStatus>>(async connection =>
        {
            IEnumerable<MemberStatusRow> rows = await connection.QueryAsync<MemberStatusRow>(new CommandDefinition(
                MemberStatusesSql, new { Campaign = campaign }, cancellationToken: cancellationToken));
            return [.. rows.Select(r => r.ToDomain())];
        }, cancellationToken);

    // Portable "last N": ids are an identity, so the newest N rows are those above MAX(id) - N (no LIMIT/TOP dialect).
    private const string RecentIds = "SELECT x.id FROM submission x WHERE x.id > (SELECT COALESCE(MAX(m.id), 0) FROM submission m) - @Count";

    private const string RecentSql = $"""
        SELECT {SubmissionColumns} FROM submission s WHERE s.id IN ({RecentIds}) ORDER BY s.id DESC;
        SELECT {IssueColumns} FROM issue i WHERE i.submission_id IN ({RecentIds}) ORDER BY i.submission_id, i.ordinal;
        """;

    public Task<IReadOnlyList<Submission>> GetRecentAsync(int count, CancellationToken cancellationToken) =>
        ReadAsync(connection => LoadManyAsync(connection,
            new CommandDefinition(RecentSql, new { Count = Math.Max(0, count) }, cancellationToken: cancellationToken),
            withData: false), cancellationToken);

    /// <summary>Reads submissions then (when <paramref name="withData"/>) organisation, establishments, intervenants and
    /// references, then issues, as consecutive result sets, and assembles them in the submissions' order.</summary>
    private static async Task<IReadOnlyList<Submission>> LoadManyAsync(
        DbConnection connection, CommandDefinition command, bool withData)
    {
        await using SqlMapper.GridReader grid = await connection.QueryMultipleAsync(command);
        List<SubmissionRow> submissions = [.. await grid.ReadAsync<SubmissionRow>()];
        Dictionary<long, OrganisationRow> organisations = [];
        ILookup<long, EstablishmentRow>? establishments = null;
        ILookup<long, IntervenantRow>? intervenants = null;
        ILookup<long, ReferenceRow>? references = null;
        ILookup<long, ActivityRow>? activity = null;
        if (withData)
        {
            organisations = (await grid.ReadAsync<OrganisationRow>()).ToDictionary(o => o.SubmissionId);
            establishments = (await grid.ReadAsync<EstablishmentRow>()).ToLookup(e => e.SubmissionId);
            intervenants = (await grid.ReadAsync<IntervenantRow>()).ToLookup(v => v.SubmissionId);
            references = (await grid.ReadAsync<ReferenceRow>()).ToLookup(r => r.SubmissionId);
            activity = (await grid.ReadAsync<ActivityRow>()).ToLookup(a => a.SubmissionId);
        }

        ILookup<long, IssueRow> issues = (await grid.ReadAsync<IssueRow>()).ToLookup(i => i.SubmissionId);

        return [.. submissions.Select(row =>
        {
            Submission submission = row.ToDomain() with { Issues = [.. issues[row.Id].Select(i => i.ToDomain())] };
            if (withData && row.HasData && organisations.TryGetValue(row.Id, out OrganisationRow? organisation))
            {
                submission = submission with
                {
                    Data = new MemberData(
                        organisation.ToDomain(),
                        [.. establishments![row.Id].Select(e => e.ToDomain())],
                        [.. intervenants![row.Id].Select(v => v.ToDomain())],
                        [.. references![row.Id].Select(r => r.ToDomain())])
                    {
                        Activity = [.. activity![row.Id].Select(a => a.ToDomain())],
                    },
                };
            }

            return submission;
        })];
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            await using DbConnection connection = await connections.OpenAsync(cancellationToken);
            return await read(connection);
        }
        catch (Exception ex) when (ex is not StoreUnavailableException && _dialect.Classify(ex) is { Kind: not StorageFaultKind.Unknown } fault)
        {
            throw StorageErrors.From(connections, ex, fault);
        }
    }
}
