using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// Which children of an area have reported on a date (<see cref="ReportingStatus"/>): one query reading every
/// revision of that date with its counts, cached per <see cref="DataVersion"/>, whatever the number of children.
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
            var revisions = await db.SnapshotRevisions.AsNoTracking()
                .Where(r => r.Area!.Code == code && r.Date == date)
                .Select(r => new
                {
                    r.Number,
                    r.CreatedAt,
                    r.CreatedBy,
                    Counts = r.Counts.Select(c => new { c.Area!.Code, c.Registrations }).ToList(),
                })
                .ToListAsync(cancellationToken);
            var entries = revisions.Select(r => new RevisionEntry(
                r.Number, r.CreatedAt, r.CreatedBy, r.Counts.ToDictionary(c => c.Code, c => c.Registrations, StringComparer.Ordinal))).ToList();
            entry.Size = catalog.Children.Count + 1;
            return ReportingStatus.Of(catalog.Area, catalog.Children, date, entries);
        }))!;
    }
}
