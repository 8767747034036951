using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Data;

public sealed class StoreTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task The_store_is_migrated_and_seeded()
    {
        _ = factory.Services; // starts the app: migrations and seed run at start-up
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(13, await db.Areas.CountAsync());
        Assert.Equal(2, await db.SnapshotRevisions.CountAsync());
        Assert.Equal(24, await db.SnapshotCounts.CountAsync());
    }

    [Fact]
    public async Task Seeding_again_changes_nothing()
    {
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = (await db.Areas.CountAsync(), await db.SnapshotRevisions.CountAsync(), await db.Targets.CountAsync());

        await DemoSeed.ApplyAsync(db, TimeProvider.System);

        Assert.Equal(before, (await db.Areas.CountAsync(), await db.SnapshotRevisions.CountAsync(), await db.Targets.CountAsync()));
    }
}

/// <summary>What only a SQLite file has: the journal mode is a setting of the file (PostgreSQL has no such setting).</summary>
public sealed class SqliteFileStoreTests(SqliteFileAppFactory factory) : IClassFixture<SqliteFileAppFactory>
{
    [Fact]
    public async Task A_SQLite_store_is_in_WAL_mode_a_setting_only_a_SQLite_file_has()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}

public sealed class UnseededStoreTests(EmptyAppFactory factory) : IClassFixture<EmptyAppFactory>
{
    [Fact]
    public async Task With_Seed_Demo_false_the_store_stays_empty()
    {
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Areas.CountAsync());
    }
}
