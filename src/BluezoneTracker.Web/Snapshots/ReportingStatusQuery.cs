using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// Which children of an area have reported on a date (<see cref="ReportingStatus"/>): one flat query reading every
/// revision of that date joined to its counts, cached per <see cref="DataVersion"/>, whatever the number of children.
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
            // One flat query: the date's revisions, each joined to its count rows (a revision without rows kept by
            // the left join). The nested form (a list of counts per revision) made SQLite read every count row of
            // every date into a temporary table to return one date's rows — the cold cost grew with the whole
            // history (issue #13 point 4; ColdReadPartsBenchmarks).
            var rows = await (
                from r in db.SnapshotRevisions.AsNoTracking()
                where r.Area!.Code == code && r.Date == date
                from c in db.SnapshotCounts.Where(c => c.RevisionId == r.Id).DefaultIfEmpty()
                select new { r.Id, r.Number, r.CreatedAt, r.CreatedBy, Code = c == null ? null : c.Area!.Code, Registrations = c == null ? 0 : c.Registrations })
                .ToListAsync(cancellationToken);
            var entries = rows.GroupBy(r => r.Id).Select(g => new RevisionEntry(
                g.First().Number,
                g.First().CreatedAt,
                g.First().CreatedBy,
                g.Where(c => c.Code is not null).ToDictionary(c => c.Code!, c => c.Registrations, StringComparer.Ordinal))).ToList();
            entry.Size = catalog.Children.Count + 1;
            return ReportingStatus.Of(catalog.Area, catalog.Children, date, entries);
        }))!;
    }
}
