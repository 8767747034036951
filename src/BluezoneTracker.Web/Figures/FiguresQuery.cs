using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace BluezoneTracker.Web.Figures;

/// <summary>What the user asked for, as typed in the URL (validated here, not by model binding).</summary>
public sealed record FiguresRequest(string? Area = null, string? Date = null, string? Compare = null);

/// <summary>Either the figures, or the reason they cannot be computed (shown as a 400).</summary>
public sealed record FiguresResult(AreaCatalog? Catalog, AreaFigures? Figures, FiguresProblem? Problem = null, string? Value = null);

public enum FiguresProblem
{
    UnknownArea,
    NoData,
    MalformedDate,
    UnknownDate,
    MalformedCompareDate,
    UnknownCompareDate,
    CompareNotBefore,
}

/// <summary>An area, its children, its target and the dates that have counts (current revisions only).</summary>
public sealed record AreaCatalog(Area Area, IReadOnlyList<Area> Children, Target? Target, IReadOnlyList<CurrentRevision> Revisions)
{
    public IReadOnlyList<DateOnly> Dates { get; } = [.. Revisions.Select(r => r.Date)];
}

public sealed record CurrentRevision(long Id, DateOnly Date, int Number, long Unassigned);

/// <summary>
/// Reads the figures of an area for a date. Reads dominate and counts change about once a day,
/// so both the catalog and the figures are cached per <see cref="DataVersion"/>: a write bumps the
/// version and the next read recomputes. A cold read is four queries, whatever the number of areas.
/// </summary>
public sealed class FiguresQuery(AppDbContext db, FiguresCache figuresCache, DataVersion version, IOptions<DeploymentOptions> deployment)
{
    // Entries are keyed by the data version, so an entry is never stale; the lifetime only frees memory
    // of versions no reader asks for any more. No sliding lifetime: it would keep such entries alive.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly IMemoryCache cache = figuresCache.Memory;

    public async Task<FiguresResult> GetAsync(FiguresRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var catalog = await CatalogAsync(request.Area, cancellationToken);
        if (catalog is null)
        {
            // No area asked for and none configured in the store yet: an empty deployment.
            var problem = string.IsNullOrWhiteSpace(request.Area) && !await db.Areas.AnyAsync(cancellationToken)
                ? FiguresProblem.NoData
                : FiguresProblem.UnknownArea;
            return new FiguresResult(null, null, problem, request.Area);
        }

        if (catalog.Dates.Count == 0)
        {
            return new FiguresResult(catalog, null, FiguresProblem.NoData);
        }

        var dates = ResolveDates(catalog, request);
        if (dates.Problem is not null)
        {
            return new FiguresResult(catalog, null, dates.Problem, dates.Value);
        }

        var key = (nameof(AreaFigures), catalog.Area.Code, dates.Report, dates.Compare, version.Current);
        var figures = await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var computed = await ComputeAsync(catalog, dates.Report, dates.Compare, cancellationToken);
            entry.Size = computed.Annex.Rows.Count + 1;
            return computed;
        });
        return new FiguresResult(catalog, figures);
    }

    /// <summary>The area (the configured one, or the top of the tree), its children and its dates.</summary>
    public async Task<AreaCatalog?> CatalogAsync(string? areaCode, CancellationToken cancellationToken = default)
    {
        var code = string.IsNullOrWhiteSpace(areaCode) ? deployment.Value.AreaCode : areaCode.Trim();
        var key = (nameof(AreaCatalog), code, version.Current);
        if (cache.TryGetValue(key, out AreaCatalog? cached))
        {
            return cached;
        }

        var catalog = await LoadCatalogAsync(code, cancellationToken);
        if (catalog is not null)
        {
            cache.Set(key, catalog, new MemoryCacheEntryOptions
            {
                AbsoluteExpirationRelativeToNow = Lifetime,
                Size = catalog.Children.Count + catalog.Revisions.Count + 1,
            });
        }

        return catalog;
    }

    private async Task<AreaCatalog?> LoadCatalogAsync(string? code, CancellationToken cancellationToken)
    {
        code ??= await db.Areas.AsNoTracking().Where(a => a.ParentId == null).OrderBy(a => a.Id).Select(a => a.Code).FirstOrDefaultAsync(cancellationToken);
        if (code is null)
        {
            return null;
        }

        var family = await db.Areas.AsNoTracking()
            .Where(a => a.Code == code || (a.Parent != null && a.Parent.Code == code))
            .Select(a => new { Entity = a, ParentCode = a.Parent == null ? null : a.Parent.Code })
            .ToListAsync(cancellationToken);
        var self = family.FirstOrDefault(a => a.Entity.Code == code);
        if (self is null)
        {
            return null;
        }

        var area = self.Entity.ToDomain(self.ParentCode);
        var children = family.Where(a => a.ParentCode == code).Select(a => a.Entity.ToDomain(code)).ToList();
        children.Sort(AreaOrder.ByName);

        var areaId = self.Entity.Id;
        var target = await db.Targets.AsNoTracking()
            .Where(t => t.AreaId == areaId).OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);

        // Current revision of each date: the one no later revision of the same date supersedes.
        var revisions = await db.SnapshotRevisions.AsNoTracking()
            .Where(r => r.AreaId == areaId
                && !db.SnapshotRevisions.Any(n => n.AreaId == r.AreaId && n.Date == r.Date && n.Number > r.Number))
            .Select(r => new CurrentRevision(r.Id, r.Date, r.Number, r.Unassigned))
            .ToListAsync(cancellationToken);
        revisions.Sort((a, b) => a.Date.CompareTo(b.Date));

        return new AreaCatalog(area, children, target?.ToDomain(), revisions);
    }

    private static (DateOnly Report, DateOnly? Compare, FiguresProblem? Problem, string? Value) ResolveDates(AreaCatalog catalog, FiguresRequest request)
    {
        DateOnly report;
        if (string.IsNullOrWhiteSpace(request.Date))
        {
            report = catalog.Dates[^1];
        }
        else if (!VietnameseFormat.TryParseIsoDate(request.Date.Trim(), out report))
        {
            return (default, null, FiguresProblem.MalformedDate, request.Date);
        }
        else if (!catalog.Dates.Contains(report))
        {
            return (default, null, FiguresProblem.UnknownDate, request.Date);
        }

        DateOnly? compare;
        if (string.IsNullOrWhiteSpace(request.Compare))
        {
            compare = SnapshotDates.Before(catalog.Dates, report);
        }
        else if (!VietnameseFormat.TryParseIsoDate(request.Compare.Trim(), out var parsed))
        {
            return (report, null, FiguresProblem.MalformedCompareDate, request.Compare);
        }
        else if (parsed >= report)
        {
            return (report, null, FiguresProblem.CompareNotBefore, request.Compare);
        }
        else if (!catalog.Dates.Contains(parsed))
        {
            return (report, null, FiguresProblem.UnknownCompareDate, request.Compare);
        }
        else
        {
            compare = parsed;
        }

        return (report, compare, null, null);
    }

    private async Task<AreaFigures> ComputeAsync(AreaCatalog catalog, DateOnly report, DateOnly? compare, CancellationToken cancellationToken)
    {
        var byDate = catalog.Revisions.ToDictionary(r => r.Date);
        var earlier = catalog.Revisions
            .Where(r => r.Date < report)
            .OrderByDescending(r => r.Date)
            .Take(AnnexCalculator.UnchangedSnapshotsThreshold)
            .ToList();
        var needed = earlier.Select(r => r.Id).Append(byDate[report].Id).ToHashSet();
        if (compare is { } c)
        {
            needed.Add(byDate[c].Id);
        }

        var counts = await RevisionCounts.ReadAsync(
            db, [.. catalog.Revisions.Where(r => needed.Contains(r.Id)).Select(r => new RevisionCounts.Stored(r.Id, r.Date, r.Unassigned))], cancellationToken);

        SnapshotCounts Counts(CurrentRevision revision) => counts[revision.Id];

        var input = new AnnexInput(
            catalog.Area,
            catalog.Children,
            Counts(byDate[report]),
            compare is { } d ? Counts(byDate[d]) : null,
            [.. earlier.Select(Counts)]);
        var annex = AnnexCalculator.Build(input);
        return AreaFigures.Build(annex, catalog.Children, catalog.Target);
    }
}

/// <summary>Which area this deployment serves by default (its GSO code); blank means the top of the tree.</summary>
public sealed class DeploymentOptions
{
    public string? AreaCode { get; set; }
}
