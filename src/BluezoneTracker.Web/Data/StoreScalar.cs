using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Data;

/// <summary>
/// One small read of a number on the context's own connection, as plain ADO.NET (standard SQL: both providers),
/// for a cache's bookkeeping (the data version, the demo banner): it is not a query of a page, so it stays out
/// of EF's command interceptors that count a page's queries. Opens the connection only if it is closed, and then
/// closes it again. Returns 0 for NULL or no row.
/// </summary>
internal static class StoreScalar
{
    public static long Read(AppDbContext db, string sql) =>
        OnOpenConnection(db, sql, command => ToLong(command.ExecuteScalar()));

    /// <summary>The first two columns of the first row (0 for NULL; both 0 for no row): two numbers kept in one row, read together.</summary>
    public static (long First, long Second) ReadPair(AppDbContext db, string sql) =>
        OnOpenConnection(db, sql, command =>
        {
            using var reader = command.ExecuteReader();
            return reader.Read() ? (ToLong(reader.GetValue(0)), ToLong(reader.GetValue(1))) : (0L, 0L);
        });

    /// <summary>Runs <paramref name="read"/> on a command of <paramref name="sql"/>, opening the context's connection only if it is closed and closing it again.</summary>
    private static T OnOpenConnection<T>(AppDbContext db, string sql, Func<DbCommand, T> read)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            connection.Open();
        }

        try
        {
            using var command = Command(connection, sql);
            return read(command);
        }
        finally
        {
            if (opened)
            {
                connection.Close();
            }
        }
    }

    public static async Task<long> ReadAsync(AppDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync();
        }

        try
        {
            await using var command = Command(connection, sql);
            return ToLong(await command.ExecuteScalarAsync());
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static long ToLong(object? value) =>
        value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
