using System.Net;
using System.Text.Json;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Web.Accounts;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Scope;
using BluezoneTracker.Web.Tests.Infrastructure;
using BluezoneTracker.Web.Tests.Snapshots;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Tests.Figures;

/// <summary>
/// What depends on the area catalog only (the area directory; a catalog's area, children in name order, targets and
/// population history) is kept across a counts, settings or sign-off write and read again after an area,
/// population or target write (docs/decisions/105) — by this server or by another one on the same store. After
/// every kind of write, what a warm server answers equals what is computed from scratch from the store.
/// </summary>
public sealed class CatalogVersionTests : IDisposable
{
    private readonly BluezoneAppFactory _reader = new();

    public void Dispose() => _reader.Dispose();

    private sealed class SecondServer(string folder) : BluezoneAppFactory(folder, ownsFolder: false);

    public static TheoryData<string, bool> Writes => new()
    {
        { "counts", false }, { "counts", true },
        { "population", false }, { "population", true },
        { "target", false }, { "target", true },
        { "area", false }, { "area", true },
        { "settings", false }, { "settings", true },
        { "sign-off", false }, { "sign-off", true },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task After_every_kind_of_write_the_kept_catalog_and_directory_equal_a_recomputation_from_the_store(string kind, bool byAnotherServer)
    {
        var before = await ReadAsync(_reader, fromScratch: false);
        Assert.Equal(Describe(before), Describe(await ReadAsync(_reader, fromScratch: true)));
        var version = _reader.Services.GetRequiredService<DataVersion>();
        var dataBefore = version.Current;

        using var second = byAnotherServer ? new SecondServer(_reader.Folder) : null;
        await WriteAsync(second is null ? _reader : second, kind);

        // Another server's write reaches this one through the store's version row, read again every
        // DataVersion.Freshness (250 ms): wait until this server's version moved, for at most 10 s (a bound, not a measure).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (version.Current == dataBefore && DateTime.UtcNow < deadline)
        {
            await Task.Delay(DataVersion.Freshness);
        }

        Assert.NotEqual(dataBefore, version.Current);
        var kept = await ReadAsync(_reader, fromScratch: false);
        var recomputed = await ReadAsync(_reader, fromScratch: true);
        Assert.Equal(Describe(recomputed), Describe(kept));
        var catalogWrite = kind is "population" or "target" or "area";
        if (catalogWrite || kind == "counts")
        {
            Assert.NotEqual(Describe(before), Describe(kept));
        }

        // A counts, settings or sign-off write keeps the catalog's areas and the directory themselves (same objects);
        // an area, population or target write replaces them.
        Assert.Equal(!catalogWrite, ReferenceEquals(before.Catalog.Children, kept.Catalog.Children));
        Assert.Equal(!catalogWrite, ReferenceEquals(before.Directory, kept.Directory));
    }

    private sealed record Read(AreaCatalog Catalog, AreaDirectory Directory, AreaFigures Figures);

    /// <summary>The catalog, the directory and the latest date's figures: through this server's caches, or from scratch (an empty cache, a version of its own).</summary>
    private static async Task<Read> ReadAsync(BluezoneAppFactory factory, bool fromScratch)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        using var freshCache = new FiguresCache(Options.Create(new FiguresCacheOptions()));
        var cache = fromScratch ? freshCache : services.GetRequiredService<FiguresCache>();
        var version = fromScratch ? new DataVersion() : services.GetRequiredService<DataVersion>();
        var figures = new FiguresQuery(db, cache, version, services.GetRequiredService<IOptions<DeploymentOptions>>());
        var result = await figures.GetAsync(new FiguresRequest());
        var directory = await new AreaDirectoryQuery(db, cache, version).GetAsync();
        return new Read(result.Catalog!, directory, result.Figures!);
    }

    /// <summary>Everything the reads hold, as text to compare.</summary>
    private static string Describe(Read read)
    {
        var catalog = read.Catalog;
        var directory = read.Directory;
        var codes = catalog.Children.Select(c => c.Code).Prepend(catalog.Area.Code).ToList();
        return JsonSerializer.Serialize(new
        {
            catalog.Area,
            catalog.Children,
            catalog.Target,
            catalog.Revisions,
            catalog.Targets,
            PopulationHistory = catalog.PopulationHistory?.OrderBy(p => p.Key, StringComparer.Ordinal).ToList(),
            Directory = new
            {
                directory.Count,
                directory.Root,
                Nodes = codes.Select(directory.Find),
                Children = directory.ChildrenOf(catalog.Area.Code),
            },
            read.Figures.Annex.Rows,
            read.Figures.Annex.Total,
        });
    }

    private static async Task WriteAsync(WebApplicationFactory<Program> writer, string kind)
    {
        switch (kind)
        {
            case "counts":
                // Through the app's intake (the API), as staff save counts: it says only "figures changed".
                var api = await writer.ApiClientAsync(Roles.Staff);
                var posted = await api.PostAsync(new Uri("/api/snapshots/2020-08-20", UriKind.Relative), new ByteArrayContent(IntakeClient.Corpus("template-utf8-bom-comma.csv")));
                Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
                return;
            case "sign-off":
                var director = await writer.ClientForAsync(Roles.Director);
                var signed = await director.SubmitAsync("/annex/signoff?date=2020-08-17", "[data-testid=signoff-form]");
                Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
                return;
        }

        await using var scope = writer.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var province = await db.Areas.SingleAsync(a => a.Code == SonLa.ProvinceCode);
        switch (kind)
        {
            case "population":
                db.Populations.Add(new PopulationEntity
                {
                    AreaId = province.Id, EffectiveFrom = new DateOnly(2020, 1, 1), Population = 2_000_000, PopulationYear = 2020,
                    PopulationSource = "Kiểm thử", RecordedAt = DateTimeOffset.UtcNow, RecordedBy = "test",
                });
                break;
            case "target":
                db.Targets.Add(new TargetEntity
                {
                    AreaId = province.Id, Share = 0.7m, Deadline = new DateOnly(2020, 8, 20), EffectiveFrom = new DateOnly(2020, 1, 1),
                    CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test",
                });
                break;
            case "area":
                // A renamed district moves in the name order: the kept order must follow.
                var district = await db.Areas.FirstAsync(a => a.Name == "Huyện Mộc Châu");
                district.Name = "Huyện Ân Mộc Châu";
                break;
            case "settings":
                var row = await db.ReportSettings.SingleOrDefaultAsync();
                var json = JsonSerializer.Serialize(new Core.Reports.ReportSettings { SignerName = "Người Ký Mới Kiểm Thử" });
                if (row is null)
                {
                    db.ReportSettings.Add(new ReportSettingsEntity { Json = json, UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "test" });
                }
                else
                {
                    row.Json = json;
                }

                break;
        }

        await db.SaveChangesAsync();
        // What the app's writers of each kind tell their own process (the admin pages Bump; the settings store BumpFigures).
        var version = scope.ServiceProvider.GetRequiredService<DataVersion>();
        if (kind == "settings")
        {
            version.BumpFigures();
        }
        else
        {
            version.Bump();
        }
    }
}
