using System.Data;
using System.Linq.Expressions;
using System.Reflection;
using Dapper;

namespace CleaNum.Storage.Rows;

/// <summary>
/// Binds every property of a row as an <c>@Name</c> parameter. Microsoft.Data.Sqlite looks a parameter up first by
/// its exact name, then with each prefix: Dapper's bare names cost two lookups (two scans of the statement's
/// parameters) per value, which dominated the SQLite write path. Same conventions as Dapper: UTC DateTime2, strings
/// sized 4000 or -1 (one SQL Server plan per statement), null as DBNull.
/// </summary>
internal sealed class RowParameters<T>(T row) : SqlMapper.IDynamicParameters
    where T : class
{
    private static readonly (string Name, Func<T, object?> Get)[] Columns =
        [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => ("@" + p.Name, Getter(p)))];

    public void AddParameters(IDbCommand command, SqlMapper.Identity identity)
    {
        foreach ((string name, Func<T, object?> get) in Columns)
        {
            IDbDataParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            switch (get(row))
            {
                case null:
                    parameter.Value = DBNull.Value;
                    break;
                case DateTime value:
                    parameter.DbType = DbType.DateTime2;
                    parameter.Value = value.Kind == DateTimeKind.Local
                        ? value.ToUniversalTime()
                        : DateTime.SpecifyKind(value, DateTimeKind.Utc);
                    break;
                case string value:
                    parameter.DbType = DbType.String;
                    parameter.Size = value.Length <= 4000 ? 4000 : -1;
                    parameter.Value = value;
                    break;
                case object value:
                    parameter.Value = value;
                    break;
            }

            command.Parameters.Add(parameter);
        }
    }

    private static Func<T, object?> Getter(PropertyInfo property)
    {
        ParameterExpression instance = Expression.Parameter(typeof(T));
        return Expression.Lambda<Func<T, object?>>(
            Expression.Convert(Expression.Property(instance, property), typeof(object)), instance).Compile();
    }
}

internal static class RowParameters
{
    public static RowParameters<T> Of<T>(T row)
        where T : class => new(row);
}
