using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// Each part of <see cref="ColdAfterWriteBenchmarks"/>'s cold read alone (an empty cache, the catalog given), on the
/// 700 × 730 store: which part dominates the first dashboard read after a write.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "Nothing to dispose between runs; BenchmarkDotNet needs an unsealed class.")]
public class ColdReadPartsBenchmarks
{
    private DbContextOptions<AppDbContext> _options = null!;
    private IOptions<DeploymentOptions> _deployment = null!;
    private AreaCatalog _catalog = null!;
    private DateOnly _report;

    [GlobalSetup]
    public void Setup()
    {
        var shape = ScaleData.Ministry(700, 730);
        _options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={BenchStores.SqlitePath(shape)}").Options;
        _deployment = Microsoft.Extensions.Options.Options.Create(new DeploymentOptions { AreaCode = shape.Root.Code });
        using var cache = NewCache();
        using var db = new AppDbContext(_options);
        _catalog = new FiguresQuery(db, cache, new DataVersion(), _deployment).CatalogAsync(null).GetAwaiter().GetResult()!;
        _report = _catalog.Dates[^1];
    }

    [Benchmark(Baseline = true)]
    public Task<int> Catalog() => RunAsync(async (db, cache, version) => (await new FiguresQuery(db, cache, version, _deployment).CatalogAsync(null))!.Dates.Count);

    [Benchmark]
    public Task<int> Figures() => RunAsync(async (db, cache, version) => (await new FiguresQuery(db, cache, version, _deployment).GetAsync(new FiguresRequest())).Figures!.Annex.Rows.Count);

    [Benchmark]
    public Task<int> Total_series() => RunAsync(async (db, cache, version) => (await new SeriesQuery(db, cache, version).TotalsAsync(_catalog)).Count);

    [Benchmark]
    public Task<int> Children_series() => RunAsync(async (db, cache, version) => (await new SeriesQuery(db, cache, version).ChildrenAsync(_catalog, ["001", "002", "003"])).Count);

    [Benchmark]
    public Task<int> History() => RunAsync(async (db, cache, version) =>
    {
        var figures = new FiguresQuery(db, cache, version, _deployment);
        return (await new AreaHistoryQuery(db, figures, new SeriesQuery(db, cache, version), cache, version).ForAsync(_catalog)).Days.Count;
    });

    [Benchmark]
    public Task<int> Reporting() => RunAsync(async (db, cache, version) =>
        (await new ReportingStatusQuery(db, cache, version, new FiguresQuery(db, cache, version, _deployment)).OnAsync(_catalog, _report)).Reported.Count);

    private static FiguresCache NewCache() => new(Microsoft.Extensions.Options.Options.Create(new FiguresCacheOptions()));

    private async Task<int> RunAsync(Func<AppDbContext, FiguresCache, DataVersion, Task<int>> part)
    {
        using var cache = NewCache();
        await using var db = new AppDbContext(_options);
        return await part(db, cache, new DataVersion());
    }
}
