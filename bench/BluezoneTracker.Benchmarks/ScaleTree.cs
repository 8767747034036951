using System.Globalization;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace BluezoneTracker.Benchmarks;

/// <summary>
/// A three-level tree as a ministry sees it since 7/2025: the country, its provinces, their communes, with a
/// snapshot a day at both levels (the country's rows are each province's communes plus its unassigned).
/// </summary>
public sealed record ScaleTree(Area Root, IReadOnlyList<Area> Provinces, IReadOnlyList<IReadOnlyList<Area>> Communes, int Days)
{
    public int CommuneCount => Communes.Sum(c => c.Count);

    /// <summary><paramref name="provinces"/> provinces of <paramref name="communesPerProvince"/> communes each, over <paramref name="days"/> days.</summary>
    public static ScaleTree Of(int provinces, int communesPerProvince, int days)
    {
        var root = new Area(ScaleData.MinistryCode, "Việt Nam", AreaKind.Country);
        var provinceAreas = new List<Area>(provinces);
        var communes = new List<IReadOnlyList<Area>>(provinces);
        for (var p = 1; p <= provinces; p++)
        {
            var code = "P" + p.ToString("00", CultureInfo.InvariantCulture);
            var own = Enumerable.Range(1, communesPerProvince).Select(c => new Area(
                $"{code}C{c.ToString("000", CultureInfo.InvariantCulture)}",
                $"Xã Thử Nghiệm {p}-{c}",
                c % 7 == 0 ? AreaKind.Ward : AreaKind.Commune,
                code)
            { Population = new Population(CommunePopulation(p, c), 2019, "Số liệu minh họa (không phải số liệu thật)") }).ToList();
            communes.Add(own);
            provinceAreas.Add(new Area(code, $"Tỉnh Thử Nghiệm {p}", AreaKind.Province, root.Code)
            {
                Population = new Population(own.Sum(a => a.Population!.Count), 2019, "Số liệu minh họa (không phải số liệu thật)"),
            });
        }

        return new ScaleTree(root, provinceAreas, communes, days);
    }

    private static long CommunePopulation(int province, int commune) => 4_000 + ((province * 7_919L) + (commune * 104_729L)) % 16_000;

    /// <summary>A commune's count on a day (0-based): grows every day.</summary>
    public static long Registrations(Area commune, int day) => (commune.Population!.Count / 40) + (day * (commune.Population.Count / 400));

    /// <summary>A province's unassigned count on a day.</summary>
    public static long Unassigned(int day) => 10 + day;

    /// <summary>
    /// Creates the schema when missing and adds the tree, a 50 % target on the country and its daily counts at
    /// both levels: areas and revisions through EF, the count rows (a third of a million for 63 × 160 × 30) by one
    /// prepared statement in one transaction, so filling takes seconds.
    /// </summary>
    public static async Task FillAsync(string connectionString, ScaleTree tree, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connectionString).Options;
        await using var db = new AppDbContext(options);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var root = AreaEntity.FromDomain(tree.Root, parent: null);
        var provinces = tree.Provinces.Select(p => AreaEntity.FromDomain(p, root)).ToList();
        var communes = tree.Communes.Select((list, i) => list.Select(c => AreaEntity.FromDomain(c, provinces[i])).ToList()).ToList();
        db.Areas.Add(root);
        db.Areas.AddRange(provinces);
        db.Areas.AddRange(communes.SelectMany(c => c));
        db.Targets.Add(new TargetEntity { Area = root, Share = 0.5m, Deadline = ScaleShape.FirstDate.AddDays(tree.Days + 60), Basis = TargetBasisPreference.Population });

        SnapshotRevisionEntity Revision(AreaEntity area, int day, long unassigned) => new()
        {
            Area = area,
            Date = ScaleShape.FirstDate.AddDays(day),
            Number = 1,
            CreatedAt = DateTimeOffset.UnixEpoch,
            CreatedBy = DemoSeed.SeedUser,
            Source = RevisionSource.Seed,
            Unassigned = unassigned,
        };

        var days = Enumerable.Range(0, tree.Days).ToList();
        var rootRevisions = days.Select(d => Revision(root, d, 0)).ToList();
        var provinceRevisions = provinces.Select(p => days.Select(d => Revision(p, d, Unassigned(d))).ToList()).ToList();
        db.SnapshotRevisions.AddRange(rootRevisions);
        db.SnapshotRevisions.AddRange(provinceRevisions.SelectMany(r => r));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);

        await using var counts = await BulkCounts.PrepareAsync(db, transaction, cancellationToken);
        Task InsertAsync(long revision, long area, long count) => counts.AddAsync(revision, area, count, cancellationToken);

        foreach (var day in days)
        {
            for (var p = 0; p < provinces.Count; p++)
            {
                long sum = Unassigned(day);
                for (var c = 0; c < communes[p].Count; c++)
                {
                    var count = Registrations(tree.Communes[p][c], day);
                    sum += count;
                    await InsertAsync(provinceRevisions[p][day].Id, communes[p][c].Id, count);
                }

                await InsertAsync(rootRevisions[day].Id, provinces[p].Id, sum);
            }
        }

        // The count rows went around EF, so the per-revision totals EF wrote (of no rows) are rewritten from them.
        await RevisionTotals.RebuildAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
