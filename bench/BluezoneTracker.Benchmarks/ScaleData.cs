using System.Globalization;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BluezoneTracker.Benchmarks;

/// <summary>An area, its children and how many consecutive days of counts to store for them.</summary>
public sealed record ScaleShape(Area Root, IReadOnlyList<Area> Children, int Days)
{
    /// <summary>The first day with counts (the day Bluezone was launched); one snapshot a day from there.</summary>
    public static readonly DateOnly FirstDate = new(2020, 4, 18);

    public DateOnly LastDate => FirstDate.AddDays(Days - 1);

    public override string ToString() => $"{Root.Code}: {Children.Count} × {Days}";
}

/// <summary>
/// Fills a store (SQLite or PostgreSQL) at ministry scale: one area with hundreds of direct children (the worst case
/// for FiguresQuery and SeriesQuery, which read an area and its children) and a snapshot every day.
/// 700 districts × 730 days is 511 000 count rows. Areas, target and revisions go through EF; the counts,
/// which are the bulk, through one prepared INSERT reused inside the same transaction (about a second).
/// Shared by the benchmarks and by the query-count test (linked into the test project).
/// </summary>
public static class ScaleData
{
    public const string MinistryCode = "VN";

    /// <summary>A country with <paramref name="districts"/> districts as direct children, with populations.</summary>
    public static ScaleShape Ministry(int districts, int days)
    {
        var root = new Area(MinistryCode, "Việt Nam", AreaKind.Country) { Population = new Population(96_208_984, 2019, SonLa.CensusSource) };
        var children = Enumerable.Range(1, districts).Select(i => new Area(
            i.ToString("000", CultureInfo.InvariantCulture),
            $"Huyện Thử Nghiệm {i.ToString("000", CultureInfo.InvariantCulture)}",
            i % 10 == 0 ? AreaKind.Town : AreaKind.RuralDistrict,
            MinistryCode)
        { Population = new Population(Population(i), 2019, SonLa.CensusSource) }).ToList();
        return new ScaleShape(root, children, days);
    }

    /// <summary>Sơn La's 12 real districts with a snapshot every day.</summary>
    public static ScaleShape SonLaDaily(int days) => new(SonLa.Province, SonLa.DistrictAreas, days);

    /// <summary>The count of the child at <paramref name="index"/> on day <paramref name="day"/> (0-based): grows every day.</summary>
    public static long Registrations(ScaleShape shape, int index, int day)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var population = shape.Children[index].Population?.Count ?? 100_000;
        var finalPerThousand = 20 + (index * 37 % 280);
        return population * finalPerThousand * (day + 1) / shape.Days / 1_000;
    }

    public static long Unassigned(int day) => 100 + (day * 3L);

    /// <summary>
    /// Creates the schema when missing and adds the shape's areas, a 50 % target and its daily counts.
    /// The store must not hold the areas yet (e.g. the app started with <c>Seed:Demo=false</c>).
    /// </summary>
    public static async Task FillAsync(string connectionString, ScaleShape shape, CancellationToken cancellationToken = default)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options;
        await using var db = new AppDbContext(options);
        await FillAsync(db, shape, cancellationToken);
    }

    /// <summary>
    /// The same over any store provider: <paramref name="db"/> is an <see cref="AppDbContext"/> over SQLite or a
    /// <see cref="PostgresAppDbContext"/> (whose migrations are PostgreSQL's); migrates it and fills it.
    /// </summary>
    public static async Task FillAsync(AppDbContext db, ScaleShape shape, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(shape);
        await db.Database.MigrateAsync(cancellationToken);
        await StoreProvider.AfterMigrateAsync(db, cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var root = AreaEntity.FromDomain(shape.Root, parent: null);
        var children = shape.Children.Select(c => AreaEntity.FromDomain(c, root)).ToList();
        db.Areas.Add(root);
        db.Areas.AddRange(children);
        db.Targets.Add(new TargetEntity { Area = root, Share = 0.5m, Deadline = shape.LastDate.AddDays(60), Basis = TargetBasisPreference.Population });
        var revisions = Enumerable.Range(0, shape.Days).Select(day => new SnapshotRevisionEntity
        {
            Area = root,
            Date = ScaleShape.FirstDate.AddDays(day),
            Number = 1,
            CreatedAt = DateTimeOffset.UnixEpoch,
            CreatedBy = DemoSeed.SeedUser,
            Source = RevisionSource.Seed,
            Unassigned = Unassigned(day),
        }).ToList();
        db.SnapshotRevisions.AddRange(revisions);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);

        await using var counts = await BulkCounts.PrepareAsync(db, transaction, cancellationToken);
        for (var day = 0; day < shape.Days; day++)
        {
            for (var i = 0; i < children.Count; i++)
            {
                await counts.AddAsync(revisions[day].Id, children[i].Id, Registrations(shape, i, day), cancellationToken);
            }
        }

        await counts.CompleteAsync(cancellationToken);

        // The count rows went around EF, so the per-revision totals EF wrote (of no rows) are rewritten from them.
        await RevisionTotals.RebuildAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    // Deterministic spread of district populations: about 40 thousand to 400 thousand.
    private static long Population(int i) => 40_000 + (i * 7_919L % 360 * 1_000L) + (i * 13L);
}
