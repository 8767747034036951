using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Figures;

/// <summary>
/// <see cref="DataVersion.LastKnown"/> (docs/decisions/146): the version as last read or bumped, given without
/// reading the store — the response cache's background recompression asks it instead of keeping a copy.
/// </summary>
public sealed class DataVersionLastKnownTests
{
    /// <summary>A scope factory that fails the test if anything reads the store through it.</summary>
    private sealed class NoStore : IServiceScopeFactory
    {
        public IServiceScope CreateScope() => throw new InvalidOperationException("LastKnown read the store.");
    }

    [Fact]
    public void Last_known_never_reads_the_store_and_shows_this_process_s_writes_at_once()
    {
        var version = new DataVersion(new NoStore(), TimeProvider.System);
        var before = version.LastKnown;

        version.BumpFigures();
        var afterFigures = version.LastKnown;
        version.Bump();

        Assert.True(afterFigures > before);
        Assert.True(version.LastKnown > afterFigures);
    }

    [Fact]
    public async Task Last_known_is_what_current_last_returned_and_follows_a_write_of_the_store()
    {
        using var server = new BluezoneAppFactory();
        var version = server.Services.GetRequiredService<DataVersion>();
        var current = version.Current;
        Assert.Equal(current, version.LastKnown);

        // A write of the store's version row (as another process's write): LastKnown moves only once Current read it.
        await server.QueryAsync(db => Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(
            db.Database, "UPDATE \"DataVersion\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1"));
        Assert.Equal(current, version.LastKnown);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (version.Current == current && DateTime.UtcNow < deadline)
        {
            await Task.Delay(DataVersion.Freshness);
        }

        Assert.True(version.LastKnown > current);
        Assert.Equal(version.LastKnown, version.Current);
    }
}
