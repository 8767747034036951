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
/// The first dashboard read after a write (issue #13 point 4): what the dashboard reads with an empty figures
/// cache — figures, the pace window's start, the total series, three children's series, the area's history with
/// its children's differences, who reported — and the same read warm, from 12 to 10 080 areas and 30 to 730 days:
/// with an empty cache (after a start or an area, population or target write) and after a counts write (the area
/// catalog's part kept, docs/decisions/105).
/// "Summing rows" reads a copy of the same store whose per-revision totals were deleted: the readers then sum the
/// count rows of every revision, which is what they did before the totals (docs/decisions/092), so both paths
/// run in one run.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Design", "CA1001", Justification = "Disposed in [GlobalCleanup]; BenchmarkDotNet needs an unsealed class.")]
public class ColdAfterWriteBenchmarks
{
    private DbContextOptions<AppDbContext> _withTotals = null!;
    private DbContextOptions<AppDbContext>? _summingRows;
    private IOptions<DeploymentOptions> _deployment = null!;
    private FiguresCache _warmCache = null!;
    private DataVersion _warmVersion = null!;
    private FiguresCache _countsCache = null!;
    private DataVersion _countsVersion = null!;
    private string _path = string.Empty;
    private string _root = string.Empty;
    private string _writtenPath = string.Empty;
    private DbContextOptions<AppDbContext> _written = null!;
    private FiguresCache _writtenCache = null!;
    private DataVersion _writtenVersion = null!;

    /// <summary>
    /// Children × days; "3 levels" is the country of 63 provinces × 160 communes, snapshots at both levels. The
    /// environment variable BLUEZONE_BENCH_DATA (values separated by ";") picks some: a cold read of the 3-level
    /// stores takes seconds on a loaded machine, over what an in-process run allows with the default job.
    /// </summary>
    [ParamsSource(nameof(Shapes))]
    public string Data { get; set; } = string.Empty;

    /// <summary>Every shape, or those named by BLUEZONE_BENCH_DATA.</summary>
    public static IEnumerable<string> Shapes() =>
        Environment.GetEnvironmentVariable("BLUEZONE_BENCH_DATA") is { Length: > 0 } chosen
            ? chosen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : ["12×30", "12×730", "700×30", "700×730", "10 000×365", "10 080×30 (3 levels)", "10 080×365 (3 levels)"];

    [GlobalSetup]
    public void Setup()
    {
        var (path, root) = Store(Data);
        _path = path;
        _root = root;
        _withTotals = Options(path);
        _deployment = Microsoft.Extensions.Options.Options.Create(new DeploymentOptions { AreaCode = root });
        _warmCache = NewCache();
        _warmVersion = new DataVersion();
        DashboardReadsAsync(_withTotals, _warmCache, _warmVersion).GetAwaiter().GetResult();
        _countsCache = NewCache();
        _countsVersion = new DataVersion();
        DashboardReadsAsync(_withTotals, _countsCache, _countsVersion).GetAwaiter().GetResult();
        // A copy of this process's own: the counts writes of Cold_after_a_new_revision never touch the shared store.
        _writtenPath = path.Replace(".db", $".written-{Environment.ProcessId}.db", StringComparison.Ordinal);
        File.Copy(path, _writtenPath, overwrite: true);
        _written = Options(_writtenPath);
        _writtenCache = NewCache();
        _writtenVersion = new DataVersion();
        DashboardReadsAsync(_written, _writtenCache, _writtenVersion).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _warmCache.Dispose();
        _countsCache.Dispose();
        _writtenCache.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_writtenPath);
    }

    /// <summary>
    /// Before the per-revision totals: every date's total summed from its count rows, with an empty cache. The copy of
    /// the store without totals is made on the first call (BenchmarkDotNet's jitting call, not a measured one).
    /// </summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Cold_summing_rows()
    {
        _summingRows ??= Options(SummingRowsCopy(_path));
        using var cache = NewCache();
        return await DashboardReadsAsync(_summingRows, cache, new DataVersion());
    }

    /// <summary>An empty cache: the first read after a start, or after an area, population or target write (every total from its revision's totals row).</summary>
    [Benchmark]
    public async Task<int> Cold_with_totals()
    {
        using var cache = NewCache();
        return await DashboardReadsAsync(_withTotals, cache, new DataVersion());
    }

    /// <summary>
    /// The first read after a counts write (the common write, about once a day; also a settings or sign-off write):
    /// the data version moves, the catalog version does not, so what depends on the area catalog only is kept
    /// (docs/decisions/105) and the rest is read again.
    /// </summary>
    [Benchmark]
    public async Task<int> Cold_after_counts_write()
    {
        _countsVersion.BumpFigures();
        return await DashboardReadsAsync(_withTotals, _countsCache, _countsVersion);
    }

    /// <summary>
    /// Before each read of <see cref="Cold_after_a_new_revision"/>, outside the measure: a counts write as the app makes
    /// it (bench/load/store-write.py's): a new revision of the area's newest date, every count + 1, its totals row.
    /// </summary>
    [IterationSetup(Target = nameof(Cold_after_a_new_revision))]
    public void WriteRevision()
    {
        using (var connection = new SqliteConnection($"Data Source={_writtenPath}"))
        {
            connection.Open();
            using var write = connection.CreateCommand();
            write.CommandText = """
                BEGIN;
                CREATE TEMP TABLE IF NOT EXISTS bench_last (id INTEGER);
                DELETE FROM bench_last;
                INSERT INTO bench_last SELECT r."Id" FROM "SnapshotRevisions" r JOIN "Areas" a ON a."Id" = r."AreaId"
                  WHERE a."Code" = $root ORDER BY r."Date" DESC, r."Number" DESC LIMIT 1;
                INSERT INTO "SnapshotRevisions" ("AreaId", "Date", "Number", "CreatedAt", "CreatedBy", "Source", "FileName", "Reason", "Unassigned", "UploadedFileId")
                  SELECT "AreaId", "Date", "Number" + 1, strftime('%Y-%m-%d %H:%M:%f+00:00', 'now'), "CreatedBy", "Source", NULL, 'bench', "Unassigned", NULL
                  FROM "SnapshotRevisions" WHERE "Id" = (SELECT id FROM bench_last);
                INSERT INTO "SnapshotCounts" ("RevisionId", "AreaId", "Registrations")
                  SELECT (SELECT MAX("Id") FROM "SnapshotRevisions"), "AreaId", "Registrations" + 1 FROM "SnapshotCounts" WHERE "RevisionId" = (SELECT id FROM bench_last);
                INSERT INTO "RevisionTotals" ("RevisionId", "Registrations", "Rows")
                  SELECT r."Id", COALESCE(SUM(c."Registrations"), 0), COUNT(c."RevisionId") FROM "SnapshotRevisions" r LEFT JOIN "SnapshotCounts" c ON c."RevisionId" = r."Id"
                  WHERE r."Id" = (SELECT MAX("Id") FROM "SnapshotRevisions") GROUP BY r."Id";
                COMMIT;
                """;
            write.Parameters.AddWithValue("$root", _root);
            write.ExecuteNonQuery();
        }

        _writtenVersion.BumpFigures();
    }

    /// <summary>
    /// The first read after a real counts write: a new revision the read has never seen (its counts read once), every
    /// other revision's counts kept (docs/decisions/147). <see cref="Cold_after_counts_write"/> only moves the version,
    /// which since decision 147 reads no count row at all: a write that added no counts (settings, a sign-off).
    /// </summary>
    [Benchmark]
    public Task<int> Cold_after_a_new_revision() => DashboardReadsAsync(_written, _writtenCache, _writtenVersion);

    /// <summary>Every later read until the next write.</summary>
    [Benchmark]
    public Task<int> Warm() => DashboardReadsAsync(_withTotals, _warmCache, _warmVersion);

    /// <summary>A copy of the store at <paramref name="path"/> whose per-revision totals were deleted (made once per store).</summary>
    private static string SummingRowsCopy(string path)
    {
        var copy = path.Replace(".db", ".summing-rows.db", StringComparison.Ordinal);
        if (!File.Exists(copy))
        {
            File.Copy(path, copy + ".tmp", overwrite: true);
            using (var db = new AppDbContext(Options(copy + ".tmp")))
            {
                db.Set<Web.Data.Entities.RevisionTotalEntity>().ExecuteDelete();
            }

            SqliteConnection.ClearAllPools();
            File.Move(copy + ".tmp", copy, overwrite: true);
        }

        return copy;
    }

    private static DbContextOptions<AppDbContext> Options(string path) =>
        new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options;

    private static FiguresCache NewCache() => new(Microsoft.Extensions.Options.Options.Create(new FiguresCacheOptions()));

    /// <summary>The store of <paramref name="data"/> (built once per machine and schema) and the code of the area the dashboard shows.</summary>
    private static (string Path, string Root) Store(string data)
    {
        if (data.EndsWith("(3 levels)", StringComparison.Ordinal))
        {
            var tree = ScaleTree.Of(63, 160, data.Contains("×365", StringComparison.Ordinal) ? 365 : 30);
            var file = $"tree-{tree.Provinces.Count}x{tree.CommuneCount}x{tree.Days}.db";
            return (BulkCounts.EnsureStore(file, c => ScaleTree.FillAsync(c, tree)), tree.Root.Code);
        }

        var days = int.Parse(data[(data.IndexOf('×', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var children = int.Parse(data[..data.IndexOf('×', StringComparison.Ordinal)].Replace(" ", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var shape = children == 12 ? ScaleData.SonLaDaily(days) : ScaleData.Ministry(children, days);
        return (BenchStores.SqlitePath(shape), shape.Root.Code);
    }

    private async Task<int> DashboardReadsAsync(DbContextOptions<AppDbContext> options, FiguresCache cache, DataVersion version)
    {
        await using var db = new AppDbContext(options);
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
        var history = await new AreaHistoryQuery(db, figures, series, cache, version).ForAsync(catalog);
        var reporting = await new ReportingStatusQuery(db, cache, version, figures).OnAsync(catalog, report);
        return totals.Count + lines.Count + (start?.Registrations.Count ?? 0) + history.Days.Count + history.Warnings.Count + reporting.Reported.Count;
    }
}
