using System.Reflection;
using CleaNum.Storage.Dialects;
using CleaNum.Storage.Rows;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CleaNum.Storage.Tests;

/// <summary>SQL Server cannot run here: every T-SQL script and every query, as the SQL Server dialect sends it, must at
/// least parse with the SQL Server 2022 grammar.</summary>
public sealed class SqlServerScriptTests
{
    private static readonly Assembly Storage = typeof(SqlServerDialect).Assembly;
    private static readonly SqlServerDialect Dialect = new();

    public static TheoryData<string> Scripts() =>
        [.. Storage.GetManifestResourceNames().Where(n => n.Contains(".Migrations.SqlServer.", StringComparison.Ordinal)).Order()];

    public static TheoryData<string> Queries() => [.. SqlServerQueries().Keys.Order()];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Parses_every_migration_script(string resourceName)
    {
        using Stream stream = Storage.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);

        IList<ParseError> errors = Parse(reader.ReadToEnd());

        Assert.Empty(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Parses_every_query_of_the_sql_server_dialect(string name)
    {
        string sql = SqlServerQueries()[name];

        IList<ParseError> errors = Parse(sql);

        Assert.Empty(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
        Assert.DoesNotContain(ISqlDialect.LockHint, sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Finds_the_scripts_and_queries_to_check()
    {
        Assert.NotEmpty(Scripts());
        Assert.True(SqlServerQueries().Count >= 15, $"only {SqlServerQueries().Count} queries found");
        Assert.Contains(SqlServerQueries().Values, q => q.Contains("WITH (UPDLOCK, HOLDLOCK)", StringComparison.Ordinal));
    }

    [Fact]
    public void Keeps_every_multi_row_insert_within_sql_server_limits()
    {
        foreach (int width in new[] { RowParameters<EstablishmentRow>.Width, RowParameters<IntervenantRow>.Width, RowParameters<ReferenceRow>.Width, RowParameters<IssueRow>.Width })
        {
            Assert.InRange(width, 5, 40);
        }

        IReadOnlyList<IssueRow> first = RowParameters.Batches(Enumerable.Range(0, 5000).Select(_ => new IssueRow()).ToList()).First();
        Assert.InRange(first.Count * RowParameters<IssueRow>.Width, 1, 2100);
        Assert.InRange(first.Count, 100, 1000);
        Assert.Equal(5000, RowParameters.Batches(Enumerable.Range(0, 5000).Select(_ => new IssueRow()).ToList()).Sum(b => b.Count));
    }

    [Fact]
    public void Orders_sql_server_migration_scripts_with_their_sqlite_twins()
    {
        static IEnumerable<string> Files(string folder) => Storage.GetManifestResourceNames()
            .Where(n => n.Contains($".Migrations.{folder}.", StringComparison.Ordinal))
            .Select(n => n[(n.IndexOf($".Migrations.{folder}.", StringComparison.Ordinal) + folder.Length + 12)..])
            .Order();

        Assert.Equal(Files("Sqlite"), Files("SqlServer"));
    }

    [Fact]
    public void Rejects_sqlite_only_syntax_so_the_checks_above_mean_something()
    {
        IList<ParseError> errors = Parse(new SqliteDialect().UpsertMemberSql);

        Assert.NotEmpty(errors);
    }

    /// <summary>Every <c>const string …Sql</c> of the Storage assembly, rewritten by the SQL Server dialect, plus the
    /// dialect's own statements and the INSERT + identity combination it sends.</summary>
    private static Dictionary<string, string> SqlServerQueries()
    {
        var queries = Storage.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Sql", StringComparison.Ordinal))
                .Select(f => (Name: $"{t.Name}.{f.Name}", Sql: Dialect.Prepare((string)f.GetRawConstantValue()!))))
            .ToDictionary(q => q.Name, q => q.Sql);
        queries["SqlServerDialect.UpsertMemberSql"] = Dialect.UpsertMemberSql;
        queries["InsertSubmissionSql+SelectIdentity"] =
            Dialect.Prepare(queries["SubmissionRepository.InsertSubmissionSql"]) + Dialect.SelectIdentity;
        // the multi-row child INSERTs, at their largest and smallest
        queries["establishment batch"] = RowParameters<EstablishmentRow>.InsertSql("establishment", RowParameters.Batches(new EstablishmentRow[5000]).First().Count);
        queries["intervenant batch"] = RowParameters<IntervenantRow>.InsertSql("intervenant", RowParameters.Batches(new IntervenantRow[5000]).First().Count);
        queries["reference batch"] = RowParameters<ReferenceRow>.InsertSql("reference", 1);
        queries["activity batch"] = RowParameters<ActivityRow>.InsertSql("activity", 3);
        queries["issue batch"] = RowParameters<IssueRow>.InsertSql("issue", RowParameters.Batches(new IssueRow[5000]).First().Count);
        queries["create database"] = string.Join("\n", SqlServerDialect.CreateDatabaseCommands("Clea]Num"));
        return queries;
    }

    private static IList<ParseError> Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out IList<ParseError> errors);
        return errors;
    }
}

/// <summary>The DBA's script (docs/sqlserver-dba.sql), with its sqlcmd variables filled in, parses as T-SQL and grants the
/// service read/write/execute only.</summary>
public sealed class DbaScriptTests
{
    private static string Script()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "docs", "sqlserver-dba.sql");
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException("docs/sqlserver-dba.sql not found above the test folder.");
    }

    [Fact]
    public void Parses_with_its_sqlcmd_variables_filled_in()
    {
        string sql = Script()
            .Replace("$(DatabaseName)", "CleaNum", StringComparison.Ordinal)
            .Replace("$(RecoveryModel)", "SIMPLE", StringComparison.Ordinal)
            .Replace("$(ServicePassword)", "Secret;1", StringComparison.Ordinal)
            .Replace("$(MigratorPassword)", "Secret;2", StringComparison.Ordinal);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);

        parser.Parse(reader, out IList<ParseError> errors);

        Assert.Empty(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"));
        Assert.DoesNotContain("$(", sql, StringComparison.Ordinal); // every variable is one of the four documented
    }

    [Fact]
    public void Creates_the_database_in_french_ci_as_and_gives_the_service_no_ddl_right()
    {
        string sql = Script();
        string[] serviceGrants = [.. sql.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal) && l.Contains("cleanum_service", StringComparison.Ordinal))];

        Assert.Contains("COLLATE French_CI_AS", sql, StringComparison.Ordinal);
        Assert.Contains("SET RECOVERY $(RecoveryModel)", sql, StringComparison.Ordinal);
        Assert.Contains(serviceGrants, l => l.Contains("ALTER ROLE db_datareader ADD MEMBER", StringComparison.Ordinal));
        Assert.Contains(serviceGrants, l => l.Contains("ALTER ROLE db_datawriter ADD MEMBER", StringComparison.Ordinal));
        Assert.Contains(serviceGrants, l => l.Contains("GRANT EXECUTE TO", StringComparison.Ordinal));
        Assert.DoesNotContain(serviceGrants, l => l.Contains("db_owner", StringComparison.Ordinal) || l.Contains("db_ddladmin", StringComparison.Ordinal));
    }
}
