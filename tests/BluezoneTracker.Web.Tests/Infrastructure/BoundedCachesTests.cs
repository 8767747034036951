using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Snapshots;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Tests.Infrastructure;

public sealed class BoundedCachesTests(BluezoneAppFactory factory) : IClassFixture<BluezoneAppFactory>
{
    [Fact]
    public async Task Figures_are_still_right_when_the_cache_is_full_and_the_cache_stays_within_its_size()
    {
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Room for the catalog (12 districts + 2 dates + 1) and one annex (12 rows + 1), not two.
        using var cache = new FiguresCache(Options.Create(new FiguresCacheOptions { SizeLimit = 30 }));
        var query = new FiguresQuery(db, cache, new DataVersion(), Options.Create(new DeploymentOptions { AreaCode = "14" }));

        var latest = await query.GetAsync(new FiguresRequest(Date: "2020-08-17", Compare: "2020-08-12"));
        var earlier = await query.GetAsync(new FiguresRequest(Date: "2020-08-12"));
        var latestAgain = await query.GetAsync(new FiguresRequest(Date: "2020-08-17", Compare: "2020-08-12"));

        Assert.Equal(84_126, latest.Figures!.Annex.Total.Registrations);
        Assert.Equal(64_259, earlier.Figures!.Annex.Total.Registrations);
        Assert.Equal(84_126, latestAgain.Figures!.Annex.Total.Registrations);
        var memory = (MemoryCache)cache.Memory;
        Assert.InRange(memory.Count, 1, 2); // the catalog and at most one annex fit in 30 rows
        Assert.Equal(2, latestAgain.Catalog!.Dates.Count);
    }

    [Fact]
    public void Files_waiting_for_confirmation_are_refused_beyond_the_memory_allowed()
    {
        using var pending = new PendingUploads(Options.Create(new ImportOptions { MaxPendingBytes = 10 }));

        var first = pending.Keep("2020-08-18", new UploadedFile("a.csv", new byte[8]), "canbo");
        var second = pending.Keep("2020-08-18", new UploadedFile("b.csv", new byte[8]), "canbo");

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("a.csv", pending.Find(first, "canbo")!.File.FileName);
    }
}
