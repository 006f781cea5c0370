using System.Data;
using CleaNum.Core.Domain;
using CleaNum.Core.Ports;
using CleaNum.Storage.Rows;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace CleaNum.Storage.Tests;

/// <summary>What SQL Server receives: the parameters as SqlClient would send them (built on a real SqlCommand).</summary>
public sealed class RowParametersTests
{
    [Fact]
    public void Sends_times_as_datetime2_never_as_legacy_datetime()
    {
        using var command = new SqlCommand();
        var member = new MemberRow { Siren = "005720784", MemberName = null, ReceivedAtUtc = new DateTime(2025, 11, 23, 9, 15, 42, 123, DateTimeKind.Utc).AddTicks(4567) };

        ((SqlMapper.IDynamicParameters)RowParameters.Of(member)).AddParameters(command, null!);

        Assert.Equal(SqlDbType.DateTime2, command.Parameters["@ReceivedAtUtc"].SqlDbType);
        Assert.Equal(member.ReceivedAtUtc, command.Parameters["@ReceivedAtUtc"].Value);
    }

    [Fact]
    public void Types_every_null_like_its_column_so_sql_server_keeps_one_plan()
    {
        using var command = new SqlCommand();
        var row = OrganisationRow.From(1, new MemberOrganisation { Name = "ACME" }); // almost everything null

        ((SqlMapper.IDynamicParameters)RowParameters.Of(row)).AddParameters(command, null!);

        Assert.Equal(DBNull.Value, command.Parameters["@EmployeeCount"].Value);
        Assert.Equal(SqlDbType.BigInt, command.Parameters["@EmployeeCount"].SqlDbType);
        Assert.Equal(SqlDbType.DateTime2, command.Parameters["@CreationDate"].SqlDbType);
        Assert.Equal(SqlDbType.Bit, command.Parameters["@Qualiopi"].SqlDbType);
        Assert.Equal(SqlDbType.NVarChar, command.Parameters["@Website"].SqlDbType);
        Assert.Equal(4000, command.Parameters["@Website"].Size);
    }

    [Fact]
    public void Binds_one_suffixed_parameter_set_per_row_for_a_multi_row_insert()
    {
        using var command = new SqlCommand();
        IssueRow[] rows = [new() { Code = "A", Message = "un" }, new() { Code = "B", Message = new string('x', 5000) }];

        ((SqlMapper.IDynamicParameters)new RowParameters<IssueRow>(rows)).AddParameters(command, null!);
        string sql = RowParameters<IssueRow>.InsertSql("issue", rows.Length);

        Assert.Equal(2 * RowParameters<IssueRow>.Width, command.Parameters.Count);
        Assert.Equal("B", command.Parameters["@Code_1"].Value);
        Assert.Equal(-1, command.Parameters["@Message_1"].Size); // nvarchar(max)
        Assert.Contains("(@SubmissionId_1, @Ordinal_1, @Severity_1, @Code_1,", sql, StringComparison.Ordinal);
        Assert.StartsWith("INSERT INTO issue (submission_id, ordinal, severity, code, sheet, sheet_row, column_label,", sql, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Round_trips_hundreds_of_child_rows_in_order_across_batches(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Submission full = ASubmission.Full();
        Intervenant template = full.Data!.Intervenants[0];
        var intervenants = Enumerable.Range(0, 450).Select(i => template with { Row = i + 2, LastName = $"Nom {i}" }).ToList();
        var issues = Enumerable.Range(0, 400).Select(i => full.Issues[0] with { Row = i + 2, Value = null, Hint = i % 2 == 0 ? null : "indice" }).ToList();
        var submission = full with { Data = full.Data with { Intervenants = intervenants }, Issues = issues };

        StoreResult stored = await db.Store.AddAsync(submission, CancellationToken.None);
        Submission read = (await db.Store.GetAsync(stored.Submission.Id, CancellationToken.None))!;

        Assert.Equal(intervenants.Select(i => (i.Row, i.LastName)), read.Data!.Intervenants.Select(i => (i.Row, i.LastName)));
        Assert.Equal(issues, read.Issues);
    }

    [Fact]
    public async Task Refuses_one_submission_s_data_without_storing_any_of_it_and_keeps_the_store_usable()
    {
        // SQLite has no length limit: a trigger plays SQL Server's 2628 (a constraint failure raised by the database).
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using (var connection = new SqliteConnection($"Data Source={db.Options.SqlitePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync("""
                CREATE TRIGGER too_long BEFORE INSERT ON intervenant WHEN length(NEW.last_name) > 100
                BEGIN SELECT RAISE(ABORT, 'string or binary data would be truncated'); END;
                """);
        }

        Submission full = ASubmission.Full();
        var tooLong = full with { Data = full.Data! with { Intervenants = [full.Data.Intervenants[0] with { LastName = new string('x', 101) }] } };

        var rejected = await Assert.ThrowsAsync<SubmissionRejectedException>(() => db.Store.AddAsync(tooLong, CancellationToken.None));
        StoreResult later = await db.Store.AddAsync(ASubmission.Full(), CancellationToken.None);

        Assert.Contains("contrainte", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(1, await db.CountAsync("submission")); // the rejected one left nothing behind
        Assert.Equal(1, later.Submission.Version);
    }

    public static TheoryData<string> Providers() => TestDatabase.AvailableProviders();
}
