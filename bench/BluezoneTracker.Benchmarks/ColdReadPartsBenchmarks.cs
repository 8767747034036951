using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// Each part of <see cref="ColdAfterWriteBenchmarks"/>'s cold read alone (an empty cache, the catalog given), on the
/// 700 × 730 store (or those of BLUEZONE_BENCH_PARTS): which part dominates the first dashboard read after a write.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "The counts cache lives for the process; BenchmarkDotNet needs an unsealed class.")]
public class ColdReadPartsBenchmarks
{
    private DbContextOptions<AppDbContext> _options = null!;
    private IOptions<DeploymentOptions> _deployment = null!;
    private AreaCatalog _catalog = null!;
    private DateOnly _report;

    private FiguresCache _countsCache = null!;
    private DataVersion _countsVersion = null!;

    /// <summary>Children × days of a flat store (<see cref="ScaleData.Ministry"/>): 700×730 unless BLUEZONE_BENCH_PARTS names others (";"-separated).</summary>
    [ParamsSource(nameof(Shapes))]
    public string Data { get; set; } = string.Empty;

    /// <summary>700×730, or the shapes named by BLUEZONE_BENCH_PARTS.</summary>
    public static IEnumerable<string> Shapes() =>
        Environment.GetEnvironmentVariable("BLUEZONE_BENCH_PARTS") is { Length: > 0 } chosen
            ? chosen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : ["700×730"];

    [GlobalSetup]
    public void Setup()
    {
        var cross = Data.IndexOf('×', StringComparison.Ordinal);
        var shape = ScaleData.Ministry(
            int.Parse(Data[..cross].Replace(" ", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Data[(cross + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        _options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={BenchStores.SqlitePath(shape)}").Options;
        _deployment = Microsoft.Extensions.Options.Options.Create(new DeploymentOptions { AreaCode = shape.Root.Code });
        using var cache = NewCache();
        using var db = new AppDbContext(_options);
        _catalog = new FiguresQuery(db, cache, new DataVersion(), _deployment).CatalogAsync(null).GetAwaiter().GetResult()!;
        _report = _catalog.Dates[^1];
        _countsCache = NewCache();
        _countsVersion = new DataVersion();
        new FiguresQuery(db, _countsCache, _countsVersion, _deployment).CatalogAsync(null).GetAwaiter().GetResult();
    }

    /// <summary>The catalog after a counts write: its areas, name order, targets and populations kept (docs/decisions/105), the current revisions read again.</summary>
    [Benchmark]
    public async Task<int> Catalog_after_counts_write()
    {
        _countsVersion.BumpFigures();
        await using var db = new AppDbContext(_options);
        return (await new FiguresQuery(db, _countsCache, _countsVersion, _deployment).CatalogAsync(null))!.Dates.Count;
    }

    /// <summary>The children in Vietnamese name order by comparing names (kind prefix stripped on every comparison), as before.</summary>
    [Benchmark]
    public int Name_order_comparing()
    {
        var children = _catalog.Children.Reverse().ToList();
        children.Sort(AreaOrder.ByName);
        return children.Count;
    }

    /// <summary>The same order with each name's collation key computed once (<see cref="AreaOrder.SortByName"/>).</summary>
    [Benchmark]
    public int Name_order_with_keys() => AreaOrder.SortByName(_catalog.Children.Reverse()).Count;

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
