using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BluezoneTracker.Web.Figures;

/// <summary>
/// An area's own history (<see cref="Days"/>, every day from the first to the last count, gaps included), the
/// warnings where its two sources differ, and whether it has children (a leaf shows the history as its page).
/// </summary>
public sealed record AreaHistoryReport(Area Area, bool HasChildren, IReadOnlyList<AreaHistoryDay> Days, IReadOnlyList<DataWarning> Warnings)
{
    /// <summary>Both sources of every date that has one, oldest first: which snapshot and revision each count is read from.</summary>
    public IReadOnlyList<AreaCountSources> Sources { get; init; } = [];

    /// <summary>Whether any shown count comes from the parent's snapshot (the page says which source a number uses).</summary>
    public bool UsesParentRows => Days.Any(d => d.Source == CountSource.ParentRow);

    /// <summary>Whether any shown count comes from the area's own snapshot.</summary>
    public bool UsesOwnSnapshots => Days.Any(d => d.Source == CountSource.OwnSnapshot);
}

/// <summary>
/// Reads an area's counts over time from both sources — its own snapshots (children plus unassigned) and its row
/// in its parent's snapshots, current revisions only — and applies decision 050. Two queries besides the catalog,
/// whatever the number of dates, cached per <see cref="DataVersion"/>.
/// </summary>
public sealed class AreaHistoryQuery(AppDbContext db, FiguresQuery figures, SeriesQuery series, FiguresCache figuresCache, DataVersion version)
{
    /// <summary>The history of <paramref name="areaCode"/> (the deployment area when blank); null for an unknown area.</summary>
    public async Task<AreaHistoryReport?> ForAsync(string? areaCode, CancellationToken cancellationToken = default) =>
        await figures.CatalogAsync(areaCode, cancellationToken) is { } catalog ? await ForAsync(catalog, cancellationToken) : null;

    /// <summary>The history of the catalog's area.</summary>
    public async Task<AreaHistoryReport> ForAsync(AreaCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var own = await series.TotalsAsync(catalog, cancellationToken);
        var code = catalog.Area.Code;
        return (await figuresCache.Memory.GetOrCreateAsync(("area-history", code, version.Current), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30);
            var parentRows = catalog.Area.ParentCode is null ? [] : await ParentRowsAsync(code, cancellationToken);
            var ownName = catalog.Area.Name;
            var ownRevision = catalog.Revisions.ToDictionary(r => r.Date, r => r.Number);
            // A write between reading the catalog and the totals may add a date the catalog lacks: only the catalog's dates are used.
            // A date on which a child has no count has no own total (a partial sum is not the area's count): a gap, not a dip.
            var byDate = own.Where(p => p.IsComplete && ownRevision.ContainsKey(p.Date)).ToDictionary(p => p.Date, p => new SourcedCount(p.Registrations, CountSource.OwnSnapshot, ownName, ownRevision[p.Date]));
            var sources = byDate.Keys.Union(parentRows.Keys)
                .Select(d => new AreaCountSources(d, byDate.GetValueOrDefault(d), parentRows.GetValueOrDefault(d)))
                .OrderBy(s => s.Date)
                .ToList();
            var days = AreaHistory.Build(sources, d => PopulationOn(catalog, d));
            var warnings = sources.Select(s => s.Difference(code, ownName)).OfType<DataWarning>().ToList();
            warnings.AddRange(await ChildDifferencesAsync(catalog, cancellationToken));
            entry.Size = days.Count + 1;
            return new AreaHistoryReport(catalog.Area, catalog.Children.Count > 0, days, warnings) { Sources = sources };
        }))!;
    }

    /// <summary>
    /// The population a date's rate divides by, as the annex's total row: the area's own figure in force, else the sum
    /// of its children's when every child has one (a country without an official figure); null when neither is known.
    /// </summary>
    private static long? PopulationOn(AreaCatalog catalog, DateOnly date)
    {
        if (catalog.AreaOn(date).Population is { } own)
        {
            return own.Count;
        }

        var children = catalog.ChildrenOn(date);
        return children.Count > 0 && children.All(c => c.Population is not null) ? children.Sum(c => c.Population!.Count) : null;
    }

    /// <summary>
    /// Where a child's own snapshot (its children plus its unassigned) differs from its row in this area's snapshot of
    /// the same date, current revisions only: the same warning the child's page shows. Two queries whatever the numbers.
    /// </summary>
    private async Task<IReadOnlyList<DataWarning>> ChildDifferencesAsync(AreaCatalog catalog, CancellationToken cancellationToken)
    {
        if (catalog.Children.Count == 0 || catalog.Revisions.Count == 0)
        {
            return [];
        }

        var code = catalog.Area.Code;
        var childSnapshots = await db.SnapshotRevisions.AsNoTracking()
            .Where(r => r.Area!.Parent != null && r.Area.Parent.Code == code
                && !db.SnapshotRevisions.Any(n => n.AreaId == r.AreaId && n.Date == r.Date && n.Number > r.Number))
            .Select(r => new { r.Area!.Code, r.Date, r.Number, Total = (r.Total != null ? r.Total.Registrations : r.Counts.Sum(c => c.Registrations)) + r.Unassigned })
            .ToListAsync(cancellationToken);
        var ownRevision = catalog.Revisions.ToDictionary(r => r.Date);
        var dates = childSnapshots.Select(c => c.Date).Where(ownRevision.ContainsKey).ToHashSet();
        if (dates.Count == 0)
        {
            return [];
        }

        var counts = await RevisionCounts.ReadAsync(
            db, [.. dates.Select(d => ownRevision[d]).Select(r => new RevisionCounts.Stored(r.Id, r.Date, r.Unassigned))], cancellationToken);
        var names = catalog.Children.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        return [.. childSnapshots
            .Where(c => dates.Contains(c.Date) && names.ContainsKey(c.Code))
            .OrderBy(c => c.Date).ThenBy(c => names[c.Code], StringComparer.Ordinal)
            .Select(c =>
            {
                var revision = ownRevision[c.Date];
                var row = counts[revision.Id].For(c.Code);
                var sources = new AreaCountSources(
                    c.Date,
                    new SourcedCount(c.Total, CountSource.OwnSnapshot, names[c.Code], c.Number),
                    row is { } r ? new SourcedCount(r, CountSource.ParentRow, catalog.Area.Name, revision.Number) : null);
                return sources.Difference(c.Code, names[c.Code]);
            })
            .OfType<DataWarning>()];
    }

    /// <summary>The area's row in the current revision of each of its parent's snapshots, by date.</summary>
    private async Task<Dictionary<DateOnly, SourcedCount>> ParentRowsAsync(string code, CancellationToken cancellationToken)
    {
        var rows = await (
            from c in db.SnapshotCounts.AsNoTracking()
            join r in db.SnapshotRevisions.AsNoTracking() on c.RevisionId equals r.Id
            where c.Area!.Code == code
                && !db.SnapshotRevisions.Any(n => n.AreaId == r.AreaId && n.Date == r.Date && n.Number > r.Number)
            select new { r.Date, r.Number, ParentName = r.Area!.Name, c.Registrations })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Date, r => new SourcedCount(r.Registrations, CountSource.ParentRow, r.ParentName, r.Number));
    }
}
