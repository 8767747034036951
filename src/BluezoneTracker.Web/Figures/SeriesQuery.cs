using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BluezoneTracker.Web.Figures;

/// <summary>
/// Counts over time for the dashboard's charts, from the current revision of every date of an
/// area's <see cref="AreaCatalog"/>. Each method is one query whatever the number of dates or
/// children (the area's total per date is read from <see cref="RevisionTotals"/>), cached per <see cref="DataVersion"/>.
/// </summary>
public sealed class SeriesQuery(AppDbContext db, FiguresCache figuresCache, DataVersion version)
{
    // Entries are keyed by the data version, so an entry is never stale; the lifetime only frees memory
    // of versions no reader asks for any more. No sliding lifetime: it would keep such entries alive.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly IMemoryCache cache = figuresCache.Memory;

    /// <summary>The area's total (children plus unassigned) on every date with counts.</summary>
    public async Task<IReadOnlyList<SeriesPoint>> TotalsAsync(AreaCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var key = ("series-total", catalog.Area.Code, version.Current);
        return (await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            // One short row per revision of the area (its totals, written with it), never the count rows of every date.
            var code = catalog.Area.Code;
            var sums = await RevisionTotals.Of(db.SnapshotRevisions.AsNoTracking().Where(r => r.Area!.Code == code))
                .ToDictionaryAsync(x => x.RevisionId, x => x.Registrations, cancellationToken);
            entry.Size = catalog.Revisions.Count + 1;
            return (IReadOnlyList<SeriesPoint>)[.. catalog.Revisions.Select(r =>
                new SeriesPoint(r.Date, sums.GetValueOrDefault(r.Id) + r.Unassigned) { IsComplete = catalog.CoversEveryChild(r.Rows) })];
        }))!;
    }

    /// <summary>The counts of the given children on every date; a child missing on a date has no point there.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>>> ChildrenAsync(
        AreaCatalog catalog, IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(codes);
        var wanted = codes.Order(StringComparer.Ordinal).ToList();
        var key = ("series-children", catalog.Area.Code, string.Join(',', wanted), version.Current);
        return (await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var ids = catalog.Revisions.Select(r => r.Id).ToList();
            var rows = await db.SnapshotCounts.AsNoTracking()
                .Where(x => ids.Contains(x.RevisionId) && wanted.Contains(x.Area!.Code))
                .Select(x => new { x.RevisionId, Code = x.Area!.Code, x.Registrations })
                .ToListAsync(cancellationToken);
            var dateOf = catalog.Revisions.ToDictionary(r => r.Id, r => r.Date);
            entry.Size = rows.Count + 1;
            return (IReadOnlyDictionary<string, IReadOnlyList<SeriesPoint>>)rows
                .GroupBy(x => x.Code, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyList<SeriesPoint>)[.. g.Select(x => new SeriesPoint(dateOf[x.RevisionId], x.Registrations)).OrderBy(p => p.Date)],
                    StringComparer.Ordinal);
        }))!;
    }

    /// <summary>The counts of all children on one date with counts (e.g. the start of the pace window).</summary>
    public async Task<SnapshotCounts?> CountsOnAsync(AreaCatalog catalog, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Revisions.FirstOrDefault(r => r.Date == date) is not { } revision)
        {
            return null;
        }

        var key = ("counts-on", catalog.Area.Code, date, version.Current);
        return await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var counts = (await RevisionCounts.ReadAsync(db, [new RevisionCounts.Stored(revision.Id, date, revision.Unassigned)], cancellationToken))[revision.Id];
            entry.Size = counts.Registrations.Count + 1;
            return counts;
        });
    }
}
