using System.Data.Common;

namespace CleaNum.Storage.Rows;

/// <summary>
/// One statement with <c>@Name</c> parameters taken from a row's properties (<see cref="RowParameters{T}"/>, same
/// typing), executed for one row or re-executed for many: the command and its parameters are made once, each row only
/// sets the values. On SQLite the statement is prepared once for all the rows (Microsoft.Data.Sqlite keeps a command's
/// prepared statement while its text and connection stay the same), instead of one statement text per row count.
/// </summary>
internal sealed class RowCommand<T> : IAsyncDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly (DbParameter Parameter, int Column)[] _parameters;

    public RowCommand(DbConnection connection, DbTransaction? transaction, string sql)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = RowParameters<T>.AddTo(_command, sql);
    }

    public Task<int> ExecuteAsync(T row, CancellationToken cancellationToken)
    {
        RowParameters<T>.Bind(_parameters, row);
        return _command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Executes for <paramref name="row"/> and returns the first column of the first row as a 64-bit integer
    /// (an INSERT followed by the dialect's <see cref="Dialects.ISqlDialect.SelectIdentity"/>).</summary>
    public async Task<long> ExecuteScalarAsync(T row, CancellationToken cancellationToken)
    {
        RowParameters<T>.Bind(_parameters, row);
        object? value = await _command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull
            ? throw new InvalidOperationException("The statement returned no value.")
            : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
