using BluezoneTracker.Core.Seed;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Data;

/// <summary>Loads the Sơn La demo data into an empty database. Running it again changes nothing.</summary>
internal static class DemoSeed
{
    public const string SeedUser = "seed";

    /// <summary>The date from which the seeded (2019 census) populations apply: reports of 2020 use them.</summary>
    public static readonly DateOnly PopulationsFrom = new(2020, 1, 1);

    public static async Task ApplyAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Areas.AnyAsync(cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var province = AreaEntity.FromDomain(SonLa.Province, parent: null);
        db.Areas.Add(province);
        var districts = SonLa.DistrictAreas.Select(d => AreaEntity.FromDomain(d, province)).ToList();
        db.Areas.AddRange(districts);
        foreach (var (entity, area) in districts.Zip(SonLa.DistrictAreas).Prepend((province, SonLa.Province)))
        {
            db.Populations.Add(PopulationHistory.RowFor(entity, area, PopulationsFrom, clock.GetUtcNow(), SeedUser));
        }

        db.Targets.Add(new TargetEntity
        {
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = SeedUser,
            Area = province,
            Share = SonLa.Target.Share,
            Deadline = SonLa.Target.Deadline,
            Basis = SonLa.Target.Basis,
        });

        var byCode = districts.ToDictionary(d => d.Code, StringComparer.Ordinal);
        foreach (var counts in new[] { SonLa.OnPreviousDate, SonLa.OnReportDate })
        {
            var revision = new SnapshotRevisionEntity
            {
                Area = province,
                Date = counts.Date,
                Number = 1,
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = SeedUser,
                Source = RevisionSource.Seed,
                Reason = "Dữ liệu mẫu từ Công văn ngày 17/8/2020 của Sở TT&TT Sơn La",
                Unassigned = counts.Unassigned,
            };
            foreach (var (code, registrations) in counts.Registrations)
            {
                revision.Counts.Add(new SnapshotCountEntity { Area = byCode[code], Registrations = registrations });
            }

            db.SnapshotRevisions.Add(revision);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
