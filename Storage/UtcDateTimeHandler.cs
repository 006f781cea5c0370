using System.Data;
using System.Globalization;
using Dapper;

namespace CleaNum.Storage;

/// <summary>Every DateTime in the database is UTC: values come back with <see cref="DateTimeKind.Utc"/>, whether the
/// provider returns a DateTime (SQL Server) or ISO text (SQLite).</summary>
internal sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
            DefaultTypeMap.MatchNamesWithUnderscores = true; // snake_case columns → PascalCase row properties
        }
    }

    public override void SetValue(IDbDataParameter parameter, DateTime value)
    {
        parameter.DbType = DbType.DateTime2;
        parameter.Value = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
    }

    public override DateTime Parse(object value) => value switch
    {
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => throw new DataException($"Cannot read {value.GetType().Name} as a UTC DateTime."),
    };
}
