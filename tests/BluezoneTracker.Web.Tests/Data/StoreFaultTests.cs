using System.Data.Common;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace BluezoneTracker.Web.Tests.Data;

/// <summary>
/// Faults of the store (#12 point 9), on the engine of the run (SQLite, or PostgreSQL when
/// BLUEZONE_TEST_POSTGRES is set): a migration that fails part-way, a store that does not answer.
/// </summary>
public sealed class StoreFaultTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bluezone-tests", Guid.NewGuid().ToString("N"));
    private readonly string _database = "bz_" + Guid.NewGuid().ToString("N");
    private bool _created;

    public void Dispose()
    {
        if (_created)
        {
            TestPostgres.DropDatabase(_database);
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A new, empty store of the run's engine.</summary>
    private AppDbContext EmptyStore()
    {
        if (TestPostgres.Configured)
        {
            if (!_created)
            {
                TestPostgres.CreateDatabase(_database);
                _created = true;
            }

            var postgres = new DbContextOptionsBuilder<PostgresAppDbContext>();
            StoreProvider.UsePostgres(postgres, TestPostgres.ConnectionStringFor(_database));
            return new PostgresAppDbContext(postgres.Options);
        }

        Directory.CreateDirectory(_folder);
        var sqlite = new DbContextOptionsBuilder<AppDbContext>();
        StoreProvider.UseSqlite(sqlite, $"Data Source={Path.Combine(_folder, "store.db")}");
        return new AppDbContext(sqlite.Options);
    }

    [Fact]
    public async Task A_migration_that_fails_part_way_leaves_the_schema_as_it_was_and_applies_once_the_cause_is_gone()
    {
        await using var db = EmptyStore();

        // A table in the way of a statement late in the first migration: the tables created before it
        // (Areas, AspNetUsers, …) must not survive the failure.
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"SnapshotCounts\" (\"Blocker\" INTEGER)");
        var failure = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.MigrateAsync());
        Assert.Contains("SnapshotCounts", failure.Message, StringComparison.OrdinalIgnoreCase);

        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("SELECT COUNT(*) FROM \"Areas\""));

        // With the cause removed, the same migrations apply from the start: nothing half-made is in the way.
        await db.Database.ExecuteSqlRawAsync("DROP TABLE \"SnapshotCounts\"");
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(1, await db.DataVersion.CountAsync());
    }

    [Fact]
    public async Task Start_up_waits_and_logs_while_the_store_does_not_answer_and_goes_on_once_it_does()
    {
        var attempts = 0;
        var logger = new ListLogger();

        // A real "cannot connect" from Npgsql: a server socket that is not there.
        await StoreStartup.WaitAsync(
            async ct =>
            {
                if (++attempts < 3)
                {
                    await using var connection = new NpgsqlConnection($"Host={Path.Combine(Path.GetTempPath(), "no-postgres-" + Guid.NewGuid().ToString("N"))};Port=5432;Timeout=2");
                    await connection.OpenAsync(ct);
                }
            },
            logger,
            new InstantClock(),
            CancellationToken.None);

        Assert.Equal(3, attempts);
        Assert.Equal(2, logger.Warnings.Count);
        Assert.All(logger.Warnings, w => Assert.Contains("does not answer", w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_up_stops_at_once_with_the_real_message_when_the_failure_is_not_an_unavailable_store()
    {
        var attempts = 0;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => StoreStartup.WaitAsync(
            _ =>
            {
                attempts++;
                throw new InvalidOperationException("migration 3 refers to a missing column");
            },
            NullLogger.Instance,
            new InstantClock(),
            CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Contains("missing column", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_or_unreachable_store_is_unavailable_and_a_wrong_statement_is_not()
    {
        // SQLite: a second writer that meets the write lock past its busy timeout.
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "busy.db");
        await using var holder = new SqliteConnection($"Data Source={file};Pooling=False");
        await holder.OpenAsync();
        await using (var create = holder.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (x INTEGER); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);";
            await create.ExecuteNonQueryAsync();
        }

        await using var waiter = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=1");
        await waiter.OpenAsync();
        await using var write = waiter.CreateCommand();
        write.CommandText = "INSERT INTO t VALUES (2)";
        var busy = await Assert.ThrowsAsync<SqliteException>(() => write.ExecuteNonQueryAsync());
        Assert.True(StoreProvider.IsUnavailable(new DbUpdateException("wrapped", busy)));

        // PostgreSQL: no server behind the address.
        await using var nowhere = new NpgsqlConnection($"Host={Path.Combine(_folder, "no-server")};Port=5432;Timeout=2");
        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => nowhere.OpenAsync());
        Assert.True(StoreProvider.IsUnavailable(refused));

        // A defect is not dressed up as "try again later".
        write.CommandText = "INSERT INTO no_such_table VALUES (1)";
        var wrong = await Assert.ThrowsAsync<SqliteException>(() => write.ExecuteNonQueryAsync());
        Assert.False(StoreProvider.IsUnavailable(wrong));
    }

    private sealed class InstantClock : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
