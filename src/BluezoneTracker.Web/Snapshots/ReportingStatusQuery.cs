using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// Which children of an area have reported on a date (<see cref="ReportingStatus"/>): one query of that date's revisions
/// and at most one of their counts (none when every revision's counts are kept), cached per <see cref="DataVersion"/>,
/// whatever the number of children.
/// </summary>
public sealed class ReportingStatusQuery(AppDbContext db, FiguresCache figuresCache, DataVersion version, FiguresQuery figures)
{
    /// <summary>The status of <paramref name="date"/> for the area <paramref name="areaCode"/> (the deployment area when blank); null for an unknown area.</summary>
    public async Task<ReportingStatus?> OnAsync(string? areaCode, DateOnly date, CancellationToken cancellationToken = default) =>
        await figures.CatalogAsync(areaCode, cancellationToken) is { } catalog ? await OnAsync(catalog, date, cancellationToken) : null;

    /// <summary>The status of <paramref name="date"/> for the catalog's area and its children.</summary>
    public async Task<ReportingStatus> OnAsync(AreaCatalog catalog, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var code = catalog.Area.Code;
        return (await figuresCache.Memory.GetOrCreateAsync(("reporting-status", code, date, version.Current), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30);
            // The date's revisions (a few short rows), then their counts by revision — kept per revision across writes
            // (docs/decisions/147): the current one was just read by the figures, the superseded ones by an earlier read.
            // Before, one flat query joined every count row to its revision's columns, its time and author read and
            // made again for each of 10 000 rows at the commune scale (and before that a nested form read every
            // count row of every date: decision 130).
            var revisions = await db.SnapshotRevisions.AsNoTracking()
                .Where(r => r.Area!.Code == code && r.Date == date)
                .Select(r => new { r.Id, r.Number, r.CreatedAt, r.CreatedBy, r.Unassigned })
                .ToListAsync(cancellationToken);
            var counts = await KeptRevisionCounts.ReadAsync(
                db, figuresCache, version, [.. revisions.Select(r => new RevisionCounts.Stored(r.Id, date, r.Unassigned))], cancellationToken);
            var entries = revisions.Select(r => new RevisionEntry(r.Number, r.CreatedAt, r.CreatedBy, counts[r.Id].Registrations)).ToList();
            entry.Size = catalog.Children.Count + 1;
            return ReportingStatus.Of(catalog.Area, catalog.Children, date, entries);
        }))!;
    }
}
