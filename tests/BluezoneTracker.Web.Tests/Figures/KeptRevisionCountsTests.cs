using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Figures;

/// <summary>
/// A revision's counts are kept per revision across writes of counts, settings and sign-offs, and read again after
/// a catalog write (docs/decisions/147): what is kept equals what the store says, and a revision already kept costs no query.
/// </summary>
public sealed class KeptRevisionCountsTests : IDisposable
{
    private readonly CountingFactory _server = new();

    public void Dispose() => _server.Dispose();

    private sealed class CountingFactory : BluezoneAppFactory
    {
        public CommandCounter Commands { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.CountQueriesWith(Commands));
        }
    }

    [Fact]
    public async Task Kept_counts_equal_the_stores_and_are_read_once_per_catalog_version()
    {
        await using var scope = _server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var cache = scope.ServiceProvider.GetRequiredService<FiguresCache>();
        var version = scope.ServiceProvider.GetRequiredService<DataVersion>();
        var revisions = await db.SnapshotRevisions.AsNoTracking()
            .Select(r => new RevisionCounts.Stored(r.Id, r.Date, r.Unassigned)).ToListAsync();
        Assert.True(revisions.Count > 1, "The seed has several revisions.");
        var stored = await RevisionCounts.ReadAsync(db, revisions, default);
        var before = _server.Commands.Count;

        var first = await KeptRevisionCounts.ReadAsync(db, cache, version, revisions, default);
        Assert.Equal(before + 1, _server.Commands.Count);
        var again = await KeptRevisionCounts.ReadAsync(db, cache, version, revisions, default);
        Assert.Equal(before + 1, _server.Commands.Count);

        // A counts, settings or sign-off write keeps them; only a revision not yet kept is read.
        version.BumpFigures();
        var afterCounts = await KeptRevisionCounts.ReadAsync(db, cache, version, revisions, default);
        Assert.Equal(before + 1, _server.Commands.Count);

        // A catalog write (an area's code, an area removed) reads them again.
        version.Bump();
        var afterCatalog = await KeptRevisionCounts.ReadAsync(db, cache, version, revisions, default);
        Assert.Equal(before + 2, _server.Commands.Count);

        foreach (var read in new[] { first, again, afterCounts, afterCatalog })
        {
            Assert.Equal(stored.Keys.Order(), read.Keys.Order());
            foreach (var (id, counts) in stored)
            {
                Assert.Equal(counts.Date, read[id].Date);
                Assert.Equal(counts.Unassigned, read[id].Unassigned);
                Assert.Equal(counts.Registrations.OrderBy(p => p.Key, StringComparer.Ordinal), read[id].Registrations.OrderBy(p => p.Key, StringComparer.Ordinal));
            }
        }

        Assert.Same(first[revisions[0].Id], afterCounts[revisions[0].Id]);
        Assert.NotSame(first[revisions[0].Id], afterCatalog[revisions[0].Id]);
    }
}
