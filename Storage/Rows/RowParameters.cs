using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Reflection;
using System.Text;
using Dapper;

namespace CleaNum.Storage.Rows;

/// <summary>
/// Binds every property of one row (names <c>@Name</c>) or of several rows (<c>@Name_0</c>, <c>@Name_1</c>… for a
/// multi-row INSERT) as typed parameters. Every parameter gets its type from the property, whether the value is null or
/// not: DateTime as DATETIME2 (never the legacy DATETIME Dapper would pick), integers as BIGINT/INT, booleans as BIT,
/// strings as NVARCHAR(4000) or NVARCHAR(MAX). A NULL is therefore sent with the column's type, so SQL Server compiles
/// one plan per statement, not one per NULL pattern. Microsoft.Data.Sqlite looks a parameter up first by its exact
/// name: the "@" prefix saves it two scans per value.
/// </summary>
internal sealed class RowParameters<T> : SqlMapper.IDynamicParameters
    where T : class
{
    private static readonly Column[] Columns =
        [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => new Column(p.Name, TypeOf(p.PropertyType), Getter(p)))];

    /// <summary>Row i's parameter names (<c>@Name_i</c>), built once per row index and kept: a file's child rows do
    /// not rebuild them for every value.</summary>
    private static string[][] _suffixedNames = [];

    private static readonly Lock SuffixedNamesLock = new();

    private readonly IReadOnlyList<T> _rows;
    private readonly bool _suffixed;

    public RowParameters(T row)
    {
        _rows = [row];
        _suffixed = false;
    }

    public RowParameters(IReadOnlyList<T> rows)
    {
        _rows = rows;
        _suffixed = true;
    }

    /// <summary>The property names, in declaration order (the columns are their snake_case forms).</summary>
    public static IReadOnlyList<string> PropertyNames { get; } = [.. Columns.Select(c => c.Name)];

    /// <summary>Columns per row: a multi-row INSERT binds <c>rows × this</c> parameters.</summary>
    public static int Width => Columns.Length;

    public void AddParameters(IDbCommand command, SqlMapper.Identity identity)
    {
        for (int i = 0; i < _rows.Count; i++)
        {
            T row = _rows[i];
            string[] names = _suffixed ? SuffixedNames(i) : UnsuffixedNames;
            for (int c = 0; c < Columns.Length; c++)
            {
                Column column = Columns[c];
                IDbDataParameter parameter = command.CreateParameter();
                parameter.ParameterName = names[c];
                parameter.DbType = column.Type;
                SetValue(parameter, column.Type, column.Get(row));
                command.Parameters.Add(parameter);
            }
        }
    }

    /// <summary>Adds one typed parameter (<c>@Name</c>) per property that <paramref name="sql"/> uses, without values:
    /// <see cref="Bind"/> sets them for each row. The indexes of the bound columns come back.</summary>
    public static (DbParameter Parameter, int Column)[] AddTo(DbCommand command, string sql)
    {
        int[] used = ColumnsUsedBy.GetOrAdd(sql, static text => [.. Enumerable.Range(0, Columns.Length).Where(c => Uses(text, UnsuffixedNames[c]))]);
        var bound = new (DbParameter, int)[used.Length];
        for (int i = 0; i < used.Length; i++)
        {
            int c = used[i];
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = UnsuffixedNames[c];
            parameter.DbType = Columns[c].Type;
            command.Parameters.Add(parameter);
            bound[i] = (parameter, c);
        }

        return bound;
    }

    /// <summary>Sets <paramref name="row"/>'s values into parameters made by <see cref="AddTo"/> (same typing rules as
    /// <see cref="AddParameters"/>).</summary>
    public static void Bind((DbParameter Parameter, int Column)[] parameters, T row)
    {
        foreach ((DbParameter parameter, int c) in parameters)
        {
            SetValue(parameter, Columns[c].Type, Columns[c].Get(row));
        }
    }

    private static void SetValue(IDbDataParameter parameter, DbType type, object? value)
    {
        switch (value)
        {
            case null:
                parameter.Value = DBNull.Value;
                if (type == DbType.String)
                {
                    parameter.Size = 4000;
                }

                break;
            case DateTime d:
                parameter.Value = d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc);
                break;
            case string s:
                parameter.Size = s.Length <= 4000 ? 4000 : -1;
                parameter.Value = s;
                break;
            default:
                parameter.Value = value;
                break;
        }
    }

    /// <summary>True when <paramref name="sql"/> holds <paramref name="name"/> as a whole parameter name (not
    /// <c>@Name</c> inside <c>@NameX</c>).</summary>
    private static bool Uses(string sql, string name)
    {
        for (int at = sql.IndexOf(name, StringComparison.Ordinal); at >= 0; at = sql.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            int next = at + name.Length;
            if (next == sql.Length || !(char.IsLetterOrDigit(sql[next]) || sql[next] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] UnsuffixedNames = [.. Columns.Select(c => "@" + c.Name)];

    /// <summary>Per statement text (a handful of constants), the columns it names: found once, not per file.</summary>
    private static readonly ConcurrentDictionary<string, int[]> ColumnsUsedBy = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string> InsertRowSqlByTable = new(StringComparer.Ordinal);

    private static string[] SuffixedNames(int row)
    {
        string[][] names = Volatile.Read(ref _suffixedNames);
        if (row < names.Length)
        {
            return names[row];
        }

        lock (SuffixedNamesLock)
        {
            names = _suffixedNames;
            if (row >= names.Length)
            {
                string[][] grown = new string[Math.Max(row + 1, Math.Min(2 * names.Length + 8, RowParameters.MaxRowsPerCommand))][];
                names.CopyTo(grown, 0);
                for (int r = names.Length; r < grown.Length; r++)
                {
                    string suffix = "_" + r.ToString(CultureInfo.InvariantCulture);
                    grown[r] = [.. Columns.Select(c => "@" + c.Name + suffix)];
                }

                Volatile.Write(ref _suffixedNames, grown);
                names = grown;
            }

            return names[row];
        }
    }

    /// <summary><c>INSERT INTO table (a_b, c) VALUES (@AB, @C)</c>: one row, the names of <see cref="AddTo"/>.</summary>
    public static string InsertRowSql(string table) =>
        InsertRowSqlByTable.GetOrAdd(table, static t => new StringBuilder("INSERT INTO ").Append(t).Append(" (")
            .AppendJoin(", ", PropertyNames.Select(SnakeCase)).Append(")\nVALUES (")
            .AppendJoin(", ", UnsuffixedNames).Append(')').ToString());

    /// <summary><c>INSERT INTO table (a_b, c) VALUES (@AB_0, @C_0), (@AB_1, @C_1)…</c> for <paramref name="rows"/> rows.</summary>
    public static string InsertSql(string table, int rows)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (")
            .AppendJoin(", ", PropertyNames.Select(SnakeCase)).Append(") VALUES");
        for (int i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "\n(" : ",\n(");
            for (int c = 0; c < Columns.Length; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append(SuffixedNames(i)[c]);
            }

            sql.Append(')');
        }

        return sql.ToString();
    }

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static DbType TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => DbType.String,
        var t when t == typeof(DateTime) => DbType.DateTime2,
        var t when t == typeof(long) => DbType.Int64,
        var t when t == typeof(int) => DbType.Int32,
        var t when t == typeof(bool) => DbType.Boolean,
        var t when t == typeof(double) => DbType.Double,
        var t when t == typeof(decimal) => DbType.Decimal,
        var t => throw new NotSupportedException($"No database type for {t.Name} ({typeof(T).Name})."),
    };

    /// <summary>The property's getter as a delegate, boxed: no expression tree to compile (and no expression
    /// compiler to JIT) when a process first stores a row.</summary>
    private static Func<T, object?> Getter(PropertyInfo property) =>
        (Func<T, object?>)typeof(RowParameters<T>).GetMethod(nameof(Boxed), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(property.PropertyType).Invoke(null, [property.GetMethod!])!;

    private static Func<T, object?> Boxed<TValue>(MethodInfo getter)
    {
        Func<T, TValue> get = getter.CreateDelegate<Func<T, TValue>>();
        return row => get(row);
    }

    private sealed record Column(string Name, DbType Type, Func<T, object?> Get);
}

internal static class RowParameters
{
    /// <summary>SQL Server accepts at most 2,100 parameters per command and 1,000 rows per VALUES list.</summary>
    public const int MaxParametersPerCommand = 2000;

    public const int MaxRowsPerCommand = 1000;

    public static RowParameters<T> Of<T>(T row)
        where T : class => new(row);

    /// <summary>The rows cut in chunks that each fit one multi-row INSERT.</summary>
    public static IEnumerable<IReadOnlyList<T>> Batches<T>(IReadOnlyList<T> rows)
        where T : class
    {
        int size = Math.Max(1, Math.Min(MaxRowsPerCommand, MaxParametersPerCommand / RowParameters<T>.Width));
        for (int start = 0; start < rows.Count; start += size)
        {
            yield return rows.Skip(start).Take(size).ToList();
        }
    }
}
