using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Snapshots;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// Cold figures (an empty cache, as after a write) of the country, a province and a commune on a three-level
/// tree of 63 provinces × 160 communes (10.080) with a snapshot a day for 30 days at both levels (issue #11 point 9).
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "Nothing to dispose between runs; BenchmarkDotNet needs an unsealed class.")]
public class TreeBenchmarks
{
    private DbContextOptions<AppDbContext> _options = null!;
    private ScaleTree _tree = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tree = ScaleTree.Of(63, 160, 30);
        _options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={BulkCounts.EnsureStore($"tree-{_tree.Provinces.Count}x{_tree.CommuneCount}x{_tree.Days}.db", c => ScaleTree.FillAsync(c, _tree))}").Options;
    }

    [Benchmark(Baseline = true)]
    public Task<AreaFigures?> Country_cold() => ColdAsync(_tree.Root.Code);

    [Benchmark]
    public Task<AreaFigures?> Province_cold() => ColdAsync(_tree.Provinces[^1].Code);

    /// <summary>A commune has no children: its figures are its catalog and "no data" of its own.</summary>
    [Benchmark]
    public Task<AreaFigures?> Commune_cold() => ColdAsync(_tree.Communes[^1][^1].Code);

    private async Task<AreaFigures?> ColdAsync(string code)
    {
        using var cache = new FiguresCache(Options.Create(new FiguresCacheOptions()));
        await using var db = new AppDbContext(_options);
        var deployment = Options.Create(new DeploymentOptions { AreaCode = _tree.Root.Code });
        return (await new FiguresQuery(db, cache, new DataVersion(), deployment).GetAsync(new FiguresRequest(code))).Figures;
    }
}
