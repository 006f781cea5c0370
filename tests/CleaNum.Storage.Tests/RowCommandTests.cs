using System.Data;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using CleaNum.Storage.Rows;
using Microsoft.Data.SqlClient;

namespace CleaNum.Storage.Tests;

/// <summary>
/// Child rows on SQLite go through one single-row INSERT per table, prepared once per file and re-executed with each
/// row's values (<see cref="RowCommand{T}"/>): every row of every table must come back exactly, whatever the row
/// counts, and a value bound for one row must never leak into the next (a text's size, a NULL).
/// </summary>
public sealed class RowCommandTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string> Providers => TestDatabase.AvailableProviders();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Round_trips_zero_one_or_many_rows_per_child_table_file_after_file(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Submission[] files =
        [
            Shaped("111111118", establishments: 0, intervenants: 0, references: 0, activity: 0, issues: 0),
            Shaped("222222226", establishments: 1, intervenants: 1, references: 1, activity: 1, issues: 1),
            Shaped("333333334", establishments: 7, intervenants: 0, references: 3, activity: 2, issues: 12),
            Shaped("444444442", establishments: 0, intervenants: 9, references: 0, activity: 0, issues: 2),
        ];

        var stored = new List<StoreResult>();
        foreach (Submission file in files)
        {
            stored.Add(await db.Store.AddAsync(file, None));
        }

        for (int i = 0; i < files.Length; i++)
        {
            Submission? read = await db.Store.GetAsync(stored[i].Submission.Id, None);
            Assert.NotNull(read);
            Same.Submission(files[i] with { Id = stored[i].Submission.Id, Version = 1 }, read);
        }

        Assert.Equal(8, await db.CountAsync("establishment"));
        Assert.Equal(10, await db.CountAsync("intervenant"));
        Assert.Equal(15, await db.CountAsync("issue"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Rebinds_every_value_for_each_row_long_short_and_null_texts_alike(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        Submission full = ASubmission.Full();
        string longText = string.Concat(Enumerable.Repeat("Évaluations CléA numérique, ", 300)); // > 4,000 characters
        string?[] texts = [longText, "court", null, longText + "!", null, "", "fin"];
        Intervenant cv = full.Data!.Intervenants[0];
        Issue issue = full.Issues[0];
        var submission = full with
        {
            Data = full.Data with
            {
                Intervenants = [.. texts.Select((t, i) => cv with { Row = 2 + i, Diplomas = t, Year = i % 2 == 0 ? null : 2000 + i })],
            },
            Issues = [.. texts.Select((t, i) => issue with { Row = i % 3 == 0 ? null : 10 + i, Value = t, Hint = t is null ? "indice" : null })],
        };

        StoreResult stored = await db.Store.AddAsync(submission, None);
        Submission read = (await db.Store.GetAsync(stored.Submission.Id, None))!;

        Same.Submission(submission with { Id = stored.Submission.Id, Version = 1 }, read);
        Assert.Equal(longText.Length, read.Data!.Intervenants[0].Diplomas!.Length);
    }

    [Fact]
    public void Binds_only_the_parameters_the_statement_names_typed_and_sized_for_each_row()
    {
        using var connection = new SqlConnection();
        const string Sql = "INSERT INTO issue (sheet_row, message, code) VALUES (@SheetRow, @Message, @Code)";
        using var command = (SqlCommand)connection.CreateCommand();

        var parameters = RowParameters<IssueRow>.AddTo(command, Sql);

        // @Sheet is not named (only @SheetRow is), nor @SubmissionId: not sent
        Assert.Equal(["@Code", "@Message", "@SheetRow"], command.Parameters.Cast<SqlParameter>().Select(p => p.ParameterName).Order());
        Assert.Equal(SqlDbType.BigInt, command.Parameters["@SheetRow"].SqlDbType);

        RowParameters<IssueRow>.Bind(parameters, new IssueRow { Code = "A", Message = new string('x', 5000), SheetRow = 4 });
        Assert.Equal(-1, command.Parameters["@Message"].Size); // nvarchar(max)
        Assert.Equal(4L, command.Parameters["@SheetRow"].Value);

        RowParameters<IssueRow>.Bind(parameters, new IssueRow { Code = "B", Message = "court", SheetRow = null });
        Assert.Equal(4000, command.Parameters["@Message"].Size);
        Assert.Equal("court", command.Parameters["@Message"].Value);
        Assert.Equal(DBNull.Value, command.Parameters["@SheetRow"].Value);
        Assert.Equal(SqlDbType.BigInt, command.Parameters["@SheetRow"].SqlDbType); // a NULL keeps its column's type
    }

    [Fact]
    public void Writes_a_single_row_insert_with_the_unsuffixed_names()
    {
        string sql = RowParameters<ActivityRow>.InsertRowSql("activity");

        Assert.Equal(
            "INSERT INTO activity (submission_id, ordinal, sheet_row, year, registered, prior_evaluations, final_evaluations, certified)\n"
            + "VALUES (@SubmissionId, @Ordinal, @SheetRow, @Year, @Registered, @PriorEvaluations, @FinalEvaluations, @Certified)",
            sql);
    }

    private static Submission Shaped(string siren, int establishments, int intervenants, int references, int activity, int issues)
    {
        Submission full = ASubmission.Full(siren);
        MemberData data = full.Data!;
        return full with
        {
            Siren = siren,
            Data = data with
            {
                Organisation = data.Organisation with { Siren = siren },
                Establishments = [.. Enumerable.Range(0, establishments).Select(i =>
                    data.Establishments[i % data.Establishments.Count] with { Row = 8 + i, Name = $"Site {siren} {i}" })],
                Intervenants = [.. Enumerable.Range(0, intervenants).Select(i =>
                    data.Intervenants[i % data.Intervenants.Count] with { Row = 2 + i, LastName = $"Nom {i}" })],
                References = [.. Enumerable.Range(0, references).Select(i =>
                    data.References[i % data.References.Count] with { Row = 2 + i })],
                Activity = [.. Enumerable.Range(0, activity).Select(i =>
                    data.Activity[i % data.Activity.Count] with { Row = 3 + i, Year = 2020 + i })],
            },
            Issues = [.. Enumerable.Range(0, issues).Select(i => full.Issues[i % full.Issues.Count] with { Row = i + 2 })],
        };
    }
}
