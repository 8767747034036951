using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>Counts the SQL queries the app runs (the test class runs its tests one at a time).</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    /// <summary>The text of the last command counted (for failure messages).</summary>
    public string? LastCommand { get; private set; }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        LastCommand = command.CommandText;
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Interlocked.Increment(ref _count);
        LastCommand = command.CommandText;
        return base.ReaderExecuted(command, eventData, result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        LastCommand = command.CommandText;
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }
}
