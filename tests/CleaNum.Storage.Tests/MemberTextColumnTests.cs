using System.Reflection;
using CleaNum.Core.Domain;
using CleaNum.Core.Issues;
using CleaNum.Core.Ports;
using CleaNum.Storage.Dialects;
using CleaNum.Storage.Rows;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CleaNum.Storage.Tests;

/// <summary>
/// Member text never breaks storage: both providers' DDL, as all migrations leave it, must hold whatever Core lets
/// through. A column fed by member text (every string property of the row classes, except the codes CleaNum writes
/// itself) is unbounded unless <see cref="StoredText.BoundedColumns"/> bounds it; SQL Server must then declare
/// nvarchar(max) or at least that bound, SQLite TEXT without a length check.
/// </summary>
public sealed class MemberTextColumnTests
{
    private static readonly Assembly Storage = typeof(SqlServerDialect).Assembly;

    /// <summary>Table → row class whose string properties are its text columns (member has no row class of its own).</summary>
    private static readonly Dictionary<string, Type> Tables = new(StringComparer.Ordinal)
    {
        ["submission"] = typeof(SubmissionRow),
        ["organisation"] = typeof(OrganisationRow),
        ["establishment"] = typeof(EstablishmentRow),
        ["intervenant"] = typeof(IntervenantRow),
        ["reference"] = typeof(ReferenceRow),
        ["issue"] = typeof(IssueRow),
        ["activity"] = typeof(ActivityRow),
    };

    /// <summary>Columns CleaNum fills itself, with the longest value it writes.</summary>
    private static readonly Dictionary<string, int> Generated = new(StringComparer.Ordinal)
    {
        ["submission.sha256"] = 64,
        ["submission.status"] = new[] { "accepted", "accepted_with_warnings", "refused", "duplicate" }.Max(s => s.Length),
        ["intervenant.role"] = new[] { "none", "evaluator", "trainer", "both" }.Max(s => s.Length),
        ["intervenant.domains"] = StorageCodes.ToCode(Enum.GetValues<CleaDomain>()).Length,
        ["reference.domains"] = StorageCodes.ToCode(Enum.GetValues<CleaDomain>()).Length,
        ["issue.severity"] = "warning".Length,
        ["issue.code"] = IssueCodes.All.Max(c => c.Length),
        ["issue.cell_address"] = "XFD1048576".Length,
    };

    public static TheoryData<string> MemberTextColumns() => [.. TextColumns().Select(c => c.Key)];

    [Theory]
    [MemberData(nameof(MemberTextColumns))]
    public void Sql_server_columns_hold_all_the_member_text_core_lets_through(string column)
    {
        Dictionary<string, SqlServerColumn> ddl = SqlServerSchema();
        int? needed = TextColumns()[column];

        Assert.True(ddl.TryGetValue(column, out SqlServerColumn? declared), $"{column} is not declared by the SQL Server migrations");
        Assert.True(declared.IsUnicode || Generated.ContainsKey(column), $"{column} is {declared.Type}: member text needs nvarchar (accents, any script)");
        Assert.True(
            declared.Length is null || (needed is { } n && declared.Length >= n),
            $"{column} is {declared.Type}({declared.Length}) but Core lets through {(needed is null ? "any length" : needed + " characters")}");
    }

    [Theory]
    [MemberData(nameof(MemberTextColumns))]
    public async Task Sqlite_columns_are_text_without_a_length_check(string column)
    {
        await using var db = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var connection = new SqliteConnection($"Data Source={db.Options.SqlitePath};Pooling=False");
        await connection.OpenAsync();
        string table = column[..column.IndexOf('.', StringComparison.Ordinal)];
        string name = column[(table.Length + 1)..];

        string? type = await connection.ExecuteScalarAsync<string?>($"SELECT type FROM pragma_table_info('{table}') WHERE name = @name", new { name });
        string sql = await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = @table", new { table }) ?? "";

        Assert.Equal("TEXT", type);
        Assert.DoesNotContain("length(", sql.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Finds_the_member_text_columns_and_reads_lengths_from_the_ddl()
    {
        Dictionary<string, SqlServerColumn> ddl = SqlServerSchema();

        Assert.True(TextColumns().Count >= 45, $"only {TextColumns().Count} text columns found");
        Assert.Null(TextColumns()["organisation.main_contact_phone"]); // a phone with PHONE_FORMAT is kept as typed
        Assert.Equal(StoredText.Siret, TextColumns()["establishment.siret"]);
        Assert.Equal(64, ddl["submission.sha256"].Length);   // a length the parser must see
        Assert.Null(ddl["issue.message"].Length);             // and nvarchar(max)
        Assert.Contains("member.name", ddl.Keys);
    }

    [Fact]
    public void Member_name_holds_any_length_on_sql_server()
    {
        Assert.Null(SqlServerSchema()["member.name"].Length);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Stores_and_reads_back_very_long_member_text(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        string longText = string.Concat(Enumerable.Repeat("Éàü-漢字 0123456789 ", 600)); // 12,000 characters
        Submission full = ASubmission.Full();
        MemberData data = full.Data!;
        var submission = full with
        {
            FileName = new string('n', 250) + ".xlsx",
            MemberName = longText,
            Data = data with
            {
                Organisation = data.Organisation with
                {
                    Name = longText, MainActivity = longText, Address = longText, City = longText, Website = longText,
                    MainContact = new Contact(longText, longText, longText), BillingContact = new Contact(longText, longText, longText),
                    QualiopiCertificate = longText, QualiopiCertifier = longText, HabilitationPeriod = longText,
                    ReferencesSummary = longText, Specificities = longText,
                },
                Establishments = [.. data.Establishments.Select(e => e with { Name = longText, Address = longText, City = longText })],
                Intervenants = [.. data.Intervenants.Select(i => i with { LastName = longText, FirstName = longText, Diplomas = longText })],
                References = [.. data.References.Select(r => r with { Client = longText, Publics = longText, Sectors = longText })],
            },
            Issues = [.. full.Issues.Select(i => i with { Sheet = longText, Column = longText, Value = longText, Message = longText })],
        };

        StoreResult stored = await db.Store.AddAsync(submission, CancellationToken.None);
        Submission? read = await db.Store.GetAsync(stored.Submission.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(longText, read.MemberName);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(submission.Data), System.Text.Json.JsonSerializer.Serialize(read.Data));
        Assert.Equal(longText, read.Issues[0].Column);
    }

    public static TheoryData<string> Providers() => TestDatabase.AvailableProviders();

    /// <summary>"table.column" → the longest text Core lets through (null = any length).</summary>
    private static Dictionary<string, int?> TextColumns()
    {
        var columns = new Dictionary<string, int?>(StringComparer.Ordinal)
        {
            ["member.siren"] = StoredText.Siren,
            ["member.name"] = null,
        };
        foreach ((string table, Type row) in Tables)
        {
            foreach (PropertyInfo property in row.GetProperties().Where(p => p.PropertyType == typeof(string)))
            {
                string column = $"{table}.{RowParameters<SubmissionRow>.SnakeCase(property.Name)}";
                columns[column] = Generated.TryGetValue(column, out int generated)
                    ? generated
                    : StoredText.BoundedColumns.TryGetValue(RowParameters<SubmissionRow>.SnakeCase(property.Name), out int bound) ? bound : null;
            }
        }

        return columns;
    }

    internal sealed record SqlServerColumn(string Type, int? Length, bool IsUnicode);

    /// <summary>Every column as the SQL Server migrations leave it (CREATE TABLE, then each ALTER COLUMN in order).</summary>
    internal static Dictionary<string, SqlServerColumn> SqlServerSchema()
    {
        var columns = new Dictionary<string, SqlServerColumn>(StringComparer.Ordinal);
        foreach (string resource in Storage.GetManifestResourceNames()
                     .Where(n => n.Contains(".Migrations.SqlServer.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(Storage.GetManifestResourceStream(resource)!);
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            TSqlFragment script = parser.Parse(reader, out IList<ParseError> errors);
            Assert.Empty(errors);
            var visitor = new ColumnVisitor(columns);
            script.Accept(visitor);
        }

        return columns;
    }

    private sealed class ColumnVisitor(Dictionary<string, SqlServerColumn> columns) : TSqlFragmentVisitor
    {
        public override void Visit(CreateTableStatement node)
        {
            string table = node.SchemaObjectName.BaseIdentifier.Value;
            foreach (ColumnDefinition column in node.Definition.ColumnDefinitions)
            {
                if (column.DataType is not null)
                {
                    columns[$"{table}.{column.ColumnIdentifier.Value}"] = Describe(column.DataType);
                }
            }
        }

        public override void Visit(AlterTableAlterColumnStatement node)
        {
            if (node.DataType is not null)
            {
                columns[$"{node.SchemaObjectName.BaseIdentifier.Value}.{node.ColumnIdentifier.Value}"] = Describe(node.DataType);
            }
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            foreach (ColumnDefinition column in node.Definition.ColumnDefinitions)
            {
                if (column.DataType is not null)
                {
                    columns[$"{node.SchemaObjectName.BaseIdentifier.Value}.{column.ColumnIdentifier.Value}"] = Describe(column.DataType);
                }
            }
        }

        private static SqlServerColumn Describe(DataTypeReference type)
        {
            string name = type.Name.BaseIdentifier.Value.ToLowerInvariant();
            bool unicode = name is "nvarchar" or "nchar" or "ntext";
            int? length = type is ParameterizedDataTypeReference { Parameters: [var first, ..] }
                ? first is MaxLiteral ? null : int.Parse(first.Value, System.Globalization.CultureInfo.InvariantCulture)
                : name is "nvarchar" or "varchar" or "nchar" or "char" ? 1 : null;
            return new SqlServerColumn(name, length, unicode);
        }
    }
}
