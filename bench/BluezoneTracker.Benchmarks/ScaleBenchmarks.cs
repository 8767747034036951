using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// The dashboard's reads over a store at scale: Sơn La's 12 districts and a country of 700 districts,
/// each with 730 daily snapshots. "Cold" starts from an empty cache (the first request after a write
/// bumps the data version); "warm" is every later request until the next write. Each operation uses a
/// fresh DbContext, as a request does. <see cref="Provider"/> runs the same reads over SQLite and over
/// PostgreSQL (issue #12 point 8), side by side in one run (see <see cref="BenchStores"/> for the server).
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "Disposed in [GlobalCleanup]; BenchmarkDotNet needs an unsealed class.")]
public class ScaleBenchmarks
{
    private Func<AppDbContext> _newContext = null!;
    private IOptions<DeploymentOptions> _deployment = null!;
    private FiguresCache _warmCache = null!;
    private DataVersion _warmVersion = null!;

    [Params("Sơn La 12×730", "700×730")]
    public string Data { get; set; } = string.Empty;

    [Params(StoreEngine.Sqlite, StoreEngine.Postgres)]
    public StoreEngine Provider { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var shape = Data.StartsWith("Sơn La", StringComparison.Ordinal) ? ScaleData.SonLaDaily(730) : ScaleData.Ministry(700, 730);
        _newContext = BenchStores.Context(Provider, shape);
        _deployment = Options.Create(new DeploymentOptions { AreaCode = shape.Root.Code });
        _warmCache = NewCache();
        _warmVersion = new DataVersion();
        DashboardReadsAsync(_warmCache, _warmVersion).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _warmCache.Dispose();

    [Benchmark]
    public async Task<AreaFigures?> Figures_cold()
    {
        using var cache = NewCache();
        await using var db = _newContext();
        return (await new FiguresQuery(db, cache, new DataVersion(), _deployment).GetAsync(new FiguresRequest())).Figures;
    }

    [Benchmark]
    public async Task<AreaFigures?> Figures_warm()
    {
        await using var db = _newContext();
        return (await new FiguresQuery(db, _warmCache, _warmVersion, _deployment).GetAsync(new FiguresRequest())).Figures;
    }

    [Benchmark]
    public async Task<int> Dashboard_reads_cold()
    {
        using var cache = NewCache();
        return await DashboardReadsAsync(cache, new DataVersion());
    }

    [Benchmark]
    public Task<int> Dashboard_reads_warm() => DashboardReadsAsync(_warmCache, _warmVersion);

    /// <summary>What the dashboard reads: figures, the pace window's start, the totals series and three districts' series.</summary>
    private static FiguresCache NewCache() => new(Microsoft.Extensions.Options.Options.Create(new FiguresCacheOptions()));

    private async Task<int> DashboardReadsAsync(FiguresCache cache, DataVersion version)
    {
        await using var db = _newContext();
        var figures = new FiguresQuery(db, cache, version, _deployment);
        var series = new SeriesQuery(db, cache, version);
        var result = await figures.GetAsync(new FiguresRequest());
        var catalog = result.Catalog!;
        var report = result.Figures!.Annex.Date;
        var window = PaceWindow.Ending(catalog.Dates, report);
        var start = window is null ? null : await series.CountsOnAsync(catalog, window.From);
        var totals = await series.TotalsAsync(catalog);
        var lagging = result.Figures.Annex.Rows.Where(r => r.Rate is not null).TakeLast(3).Select(r => r.Code).ToList();
        var lines = await series.ChildrenAsync(catalog, lagging);
        return totals.Count + lines.Count + (start?.Registrations.Count ?? 0);
    }
}
