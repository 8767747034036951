using BluezoneTracker.Core.Seed;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Data;

/// <summary>Which demo data <c>Seed:Demo</c> loads into an empty database.</summary>
internal enum DemoData
{
    None,

    /// <summary>Sơn La and its 12 districts with the dispatch of 17/8/2020 (the default; also "true").</summary>
    SonLa,

    /// <summary>The country, its 63 provinces of 2020 (synthetic figures) and Sơn La's real districts and counts under province 14.</summary>
    National,
}

/// <summary>Loads the demo data into an empty database. Running it again changes nothing.</summary>
internal static class DemoSeed
{
    public const string SeedUser = "seed";

    /// <summary>
    /// <c>Seed:Demo</c>: absent, "true" or "sonla" → Sơn La; "national" → the national demo; "false" or "none" → nothing.
    /// Anything else stops the start with the accepted values (a typo must not silently load the wrong data).
    /// </summary>
    public static DemoData Mode(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration["Seed:Demo"]?.Trim();
        return value?.ToUpperInvariant() switch
        {
            null or "" or "TRUE" or "SONLA" => DemoData.SonLa,
            "NATIONAL" => DemoData.National,
            "FALSE" or "NONE" => DemoData.None,
            _ => throw new InvalidOperationException($"Seed:Demo=\"{value}\" is not known; use true (Sơn La), national, or false."),
        };
    }

    /// <summary>Loads the chosen demo data into an empty database.</summary>
    public static Task ApplyAsync(AppDbContext db, TimeProvider clock, DemoData data, CancellationToken cancellationToken = default) => data switch
    {
        DemoData.SonLa => ApplyAsync(db, clock, cancellationToken),
        DemoData.National => ApplyNationalAsync(db, clock, cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// The national demo: Việt Nam → 63 provinces (real names and GSO codes, synthetic populations and counts,
    /// their population source saying so) → Sơn La's 12 districts with the dispatch's real figures. Sơn La's row
    /// in the country's snapshots is its own total, so the two sources of that number agree.
    /// </summary>
    public static async Task ApplyNationalAsync(AppDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Areas.AnyAsync(cancellationToken))
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var country = AreaEntity.FromDomain(NationalSample.Country, parent: null);
        db.Areas.Add(country);
        var provinces = NationalSample.DemoProvinces.Select(p => AreaEntity.FromDomain(p, country)).ToList();
        db.Areas.AddRange(provinces);
        var sonLa = provinces.Single(p => p.Code == SonLa.ProvinceCode);
        var districts = SonLa.DistrictAreas.Select(d => AreaEntity.FromDomain(d, sonLa)).ToList();
        db.Areas.AddRange(districts);
        foreach (var (entity, area) in provinces.Zip(NationalSample.DemoProvinces).Concat(districts.Zip(SonLa.DistrictAreas)))
        {
            db.Populations.Add(PopulationHistory.RowFor(entity, area, PopulationsFrom, clock.GetUtcNow(), SeedUser));
        }

        foreach (var area in new[] { country, sonLa })
        {
            db.Targets.Add(new TargetEntity
            {
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = SeedUser,
                Area = area,
                Share = SonLa.Target.Share,
                Deadline = SonLa.Target.Deadline,
                Basis = SonLa.Target.Basis,
            });
        }

        AddRevisions(db, clock, country, provinces, NationalSample.DemoCounts, "Dữ liệu minh họa cả nước (số tự tạo, trừ tổng của Sơn La từ Công văn ngày 17/8/2020)");
        AddRevisions(db, clock, sonLa, districts, [SonLa.OnPreviousDate, SonLa.OnReportDate], SonLaReason);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private const string SonLaReason = "Dữ liệu mẫu từ Công văn ngày 17/8/2020 của Sở TT&TT Sơn La";

    private static void AddRevisions(AppDbContext db, TimeProvider clock, AreaEntity parent, IEnumerable<AreaEntity> children, IEnumerable<SnapshotCounts> snapshots, string reason)
    {
        var byCode = children.ToDictionary(d => d.Code, StringComparer.Ordinal);
        foreach (var counts in snapshots)
        {
            var revision = new SnapshotRevisionEntity
            {
                Area = parent,
                Date = counts.Date,
                Number = 1,
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = SeedUser,
                Source = RevisionSource.Seed,
                Reason = reason,
                Unassigned = counts.Unassigned,
            };
            foreach (var (code, registrations) in counts.Registrations)
            {
                revision.Counts.Add(new SnapshotCountEntity { Area = byCode[code], Registrations = registrations });
            }

            db.SnapshotRevisions.Add(revision);
        }
    }

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

        AddRevisions(db, clock, province, districts, [SonLa.OnPreviousDate, SonLa.OnReportDate], SonLaReason);

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
