using BluezoneTracker.Core.Seed;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>
/// More dates than the seed's two, for time series: snapshots on 2, 5, 8, 10, 14 and 15 August 2020,
/// inserted as revisions like any upload, then the data version is bumped. Between 12/8 and 17/8
/// the counts grow evenly; before 12/8 at four fifths of that pace.
/// </summary>
public static class TimeSeriesSeed
{
    public static readonly DateOnly[] ExtraDates = [new(2020, 8, 2), new(2020, 8, 5), new(2020, 8, 8), new(2020, 8, 10), new(2020, 8, 14), new(2020, 8, 15)];

    public static long CountOn(DateOnly date, long onPrevious, long onReport)
    {
        var change = onReport - onPrevious;
        var days = date.DayNumber - SonLa.PreviousDate.DayNumber;
        return Math.Max(0, days >= 0 ? onPrevious + (change * days / 5) : onPrevious + (change * days * 4 / 25));
    }

    public static SnapshotCounts CountsOn(DateOnly date) => new(
        date,
        SonLa.OnPreviousDate.Registrations.ToDictionary(
            kv => kv.Key, kv => CountOn(date, kv.Value, SonLa.OnReportDate.Registrations[kv.Key]), StringComparer.Ordinal),
        CountOn(date, SonLa.OnPreviousDate.Unassigned, SonLa.OnReportDate.Unassigned));

    public static async Task AddAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var province = await db.Areas.SingleAsync(a => a.Code == SonLa.ProvinceCode);
        var districts = await db.Areas.Where(a => a.ParentId == province.Id).ToDictionaryAsync(a => a.Code, StringComparer.Ordinal);
        foreach (var date in ExtraDates)
        {
            var counts = CountsOn(date);
            var revision = new SnapshotRevisionEntity
            {
                AreaId = province.Id,
                Date = date,
                Number = 1,
                CreatedAt = DateTimeOffset.UtcNow,
                CreatedBy = "test",
                Source = RevisionSource.Form,
                Unassigned = counts.Unassigned,
            };
            foreach (var (code, registrations) in counts.Registrations)
            {
                revision.Counts.Add(new SnapshotCountEntity { AreaId = districts[code].Id, Registrations = registrations });
            }

            db.SnapshotRevisions.Add(revision);
        }

        await db.SaveChangesAsync();
        services.GetRequiredService<DataVersion>().Bump();
    }
}
