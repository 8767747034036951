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
public sealed record FiguresRequest(string? Area = null, string? Date = null, string? Compare = null)
{
    /// <summary>
    /// What a blank <see cref="Compare"/> means for <see cref="SignedComparison.Report"/> instead of "the latest
    /// earlier date": the comparison its annex was signed with, frozen with the signature (decision 068), so a
    /// date added later between them does not change the signed date's default.
    /// </summary>
    public SignedComparison? DefaultCompare { get; init; }
}

/// <summary>The comparison date (null: none) a report date's annex was signed with.</summary>
public sealed record SignedComparison(DateOnly Report, DateOnly? Compare);

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

    /// <summary>The area has no child areas: no table of its own; its count is a row of its parent's table.</summary>
    NoChildAreas,
}

/// <summary>
/// An area, its children, its target and the dates that have counts (current revisions only).
/// <see cref="Area"/>, <see cref="Children"/> and <see cref="Target"/> carry the newest figures;
/// a report for a date uses <see cref="AreaOn"/>, <see cref="ChildrenOn"/> and <see cref="TargetOn"/>,
/// the figures in force on that date (issue #10 point 5).
/// </summary>
/// <param name="Targets">Every target of the area with the date it applies from; null or empty: <see cref="Target"/> applies always.</param>
/// <param name="PopulationHistory">Population rows by area code (the area and its children); an area without rows keeps its own figures.</param>
public sealed record AreaCatalog(
    Area Area,
    IReadOnlyList<Area> Children,
    Target? Target,
    IReadOnlyList<CurrentRevision> Revisions,
    IReadOnlyList<DatedTarget>? Targets = null,
    IReadOnlyDictionary<string, IReadOnlyList<DatedPopulation>>? PopulationHistory = null)
{
    public IReadOnlyList<DateOnly> Dates { get; } = [.. Revisions.Select(r => r.Date)];

    /// <summary>The target in force on <paramref name="date"/>: the newest one applying from that date or earlier (null when none did yet).</summary>
    public Target? TargetOn(DateOnly date) => Targets is not { Count: > 0 }
        ? Target
        : Targets.Where(t => t.EffectiveFrom <= date).OrderByDescending(t => t.EffectiveFrom).ThenByDescending(t => t.Id).FirstOrDefault()?.Target;

    /// <summary>The area with the population and smartphone-owner figures in force on <paramref name="date"/>.</summary>
    public Area AreaOn(DateOnly date) => On(Area, date);

    /// <summary>
    /// True when every child has a count in the current revision of <paramref name="date"/>, so that the area's own
    /// figures of that date (total, rate, pace) are its own and not a partial sum; false on a date without counts.
    /// </summary>
    public bool IsComplete(DateOnly date) =>
        Revisions.FirstOrDefault(r => r.Date == date) is { } revision && CoversEveryChild(revision.Rows);

    /// <summary>The latest date on or before <paramref name="date"/> on which every child has a count; null when none.</summary>
    public DateOnly? LatestCompleteOnOrBefore(DateOnly date) =>
        Revisions.LastOrDefault(r => r.Date <= date && CoversEveryChild(r.Rows))?.Date;

    /// <summary>
    /// Whether a revision of <paramref name="rows"/> count rows (<see cref="CurrentRevision.Rows"/>; -1: not read) has
    /// a count for every child — the one rule of completeness, for the pages and for the sign-off's write (decision 180).
    /// </summary>
    public bool CoversEveryChild(int rows) => rows < 0 || rows >= Children.Count;

    /// <summary>The children, each with the population and smartphone-owner figures in force on <paramref name="date"/>.</summary>
    public IReadOnlyList<Area> ChildrenOn(DateOnly date) => PopulationHistory is not { Count: > 0 } ? Children : [.. Children.Select(c => On(c, date))];

    private Area On(Area area, DateOnly date)
    {
        if (PopulationHistory is null || !PopulationHistory.TryGetValue(area.Code, out var rows) || rows.Count == 0)
        {
            return area;
        }

        var row = DatedPopulation.InForce(rows, date);
        return area with { Population = row?.Population, SmartphoneOwners = row?.SmartphoneOwners };
    }
}

/// <summary>A target and the first report date that uses it.</summary>
public sealed record DatedTarget(int Id, DateOnly EffectiveFrom, Target Target);

/// <summary>A population figure and smartphone-owner estimate (each with year and source) and the first report date that uses them.</summary>
public sealed record DatedPopulation(long Id, DateOnly EffectiveFrom, Population? Population, Population? SmartphoneOwners)
{
    /// <summary>The row in force on <paramref name="date"/>: the newest applying from that date or earlier, the later-recorded one on a tie; null when none applies yet.</summary>
    public static DatedPopulation? InForce(IEnumerable<DatedPopulation> rows, DateOnly date) =>
        rows.Where(r => r.EffectiveFrom <= date).OrderByDescending(r => r.EffectiveFrom).ThenByDescending(r => r.Id).FirstOrDefault();

    /// <summary>The row for a stored population row.</summary>
    public static DatedPopulation From(Data.Entities.PopulationEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(
            row.Id,
            row.EffectiveFrom,
            row.Population is { } p ? new Population(p, row.PopulationYear ?? 0, row.PopulationSource ?? string.Empty) : null,
            row.SmartphoneOwners is { } s ? new Population(s, row.SmartphoneOwnersYear ?? 0, row.SmartphoneOwnersSource ?? string.Empty) : null);
    }
}

public sealed record CurrentRevision(long Id, DateOnly Date, int Number, long Unassigned)
{
    /// <summary>How many children have a count in this revision (its count rows); -1 when not read.</summary>
    public int Rows { get; init; } = -1;
}

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
            return new FiguresResult(catalog, null, catalog.Children.Count == 0 ? FiguresProblem.NoChildAreas : FiguresProblem.NoData);
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

    /// <summary>
    /// The area (the configured one, or the top of the tree), its children and its dates. The part that depends on
    /// the area catalog only (the area, its children in name order, targets, population history) is kept per
    /// <see cref="DataVersion.Catalog"/>, so after a counts write only the current revisions are read again
    /// (docs/decisions/105).
    /// </summary>
    public async Task<AreaCatalog?> CatalogAsync(string? areaCode, CancellationToken cancellationToken = default)
    {
        var code = string.IsNullOrWhiteSpace(areaCode) ? deployment.Value.AreaCode : areaCode.Trim();
        var key = (nameof(AreaCatalog), code, version.Current);
        if (cache.TryGetValue(key, out AreaCatalog? cached))
        {
            return cached;
        }

        var areas = await CatalogAreasAsync(code, cancellationToken);
        if (areas is null)
        {
            return null;
        }

        // Current revision of each date: the one no later revision of the same date supersedes.
        var areaId = areas.AreaId;
        var revisions = await db.SnapshotRevisions.AsNoTracking()
            .Where(r => r.AreaId == areaId
                && !db.SnapshotRevisions.Any(n => n.AreaId == r.AreaId && n.Date == r.Date && n.Number > r.Number))
            .Select(r => new CurrentRevision(r.Id, r.Date, r.Number, r.Unassigned) { Rows = r.Total != null ? r.Total.Rows : r.Counts.Count() })
            .ToListAsync(cancellationToken);
        revisions.Sort((a, b) => a.Date.CompareTo(b.Date));

        var catalog = new AreaCatalog(areas.Area, areas.Children, areas.Target, revisions, areas.Targets, areas.PopulationHistory);
        cache.Set(key, catalog, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = Lifetime,
            Size = catalog.Revisions.Count + 1,
        });
        return catalog;
    }

    /// <summary>What an <see cref="AreaCatalog"/> takes from the area catalog alone: unchanged by counts, settings and sign-offs.</summary>
    private sealed record CatalogAreas(
        int AreaId,
        Area Area,
        IReadOnlyList<Area> Children,
        Target? Target,
        IReadOnlyList<DatedTarget> Targets,
        IReadOnlyDictionary<string, IReadOnlyList<DatedPopulation>> PopulationHistory);

    private async Task<CatalogAreas?> CatalogAreasAsync(string? code, CancellationToken cancellationToken)
    {
        // Read before loading: a catalog write meanwhile leaves newer areas under an older key, never the reverse.
        var key = (nameof(CatalogAreas), code, version.Catalog);
        if (cache.TryGetValue(key, out CatalogAreas? cached))
        {
            return cached;
        }

        var loaded = await LoadCatalogAreasAsync(code, cancellationToken);
        if (loaded is not null)
        {
            cache.Set(key, loaded, new MemoryCacheEntryOptions
            {
                AbsoluteExpirationRelativeToNow = Lifetime,
                Size = loaded.Children.Count + loaded.PopulationHistory.Count + 1,
            });
        }

        return loaded;
    }

    private async Task<CatalogAreas?> LoadCatalogAreasAsync(string? code, CancellationToken cancellationToken)
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
        var children = AreaOrder.SortByName(family.Where(a => a.ParentCode == code).Select(a => a.Entity.ToDomain(code)));

        var areaId = self.Entity.Id;
        var targets = await db.Targets.AsNoTracking()
            .Where(t => t.AreaId == areaId)
            .Select(t => new { t.Id, t.EffectiveFrom, t.Share, t.Deadline, t.Basis })
            .ToListAsync(cancellationToken);
        var dated = targets.Select(t => new DatedTarget(t.Id, t.EffectiveFrom, new Target(t.Share, t.Deadline, t.Basis))).ToList();
        var newest = dated.OrderByDescending(t => t.Id).FirstOrDefault();

        // Every population row of the area and its children, read once; the one in force is picked per report date in memory.
        var populationRows = await db.Populations.AsNoTracking()
            .Where(p => p.Area!.Code == code || (p.Area.Parent != null && p.Area.Parent.Code == code))
            .ToListAsync(cancellationToken);
        var codeOf = family.ToDictionary(a => a.Entity.Id, a => a.Entity.Code);
        var history = populationRows.GroupBy(p => codeOf[p.AreaId], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DatedPopulation>)[.. g.Select(DatedPopulation.From)], StringComparer.Ordinal);

        return new CatalogAreas(areaId, area, children, newest?.Target, dated, history);
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
            compare = SignedOrBefore(catalog, report, request.DefaultCompare);
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

    /// <summary>
    /// The default comparison date of a report date: the one its annex was signed with (while that date still has
    /// counts), else the latest date before it.
    /// </summary>
    public static DateOnly? SignedOrBefore(AreaCatalog catalog, DateOnly report, SignedComparison? frozen)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return frozen is { } s && s.Report == report && (s.Compare is not { } c || catalog.Dates.Contains(c))
            ? s.Compare
            : SnapshotDates.Before(catalog.Dates, report);
    }

    private async Task<AreaFigures> ComputeAsync(AreaCatalog catalog, DateOnly report, DateOnly? compare, CancellationToken cancellationToken)
    {
        var needed = RevisionsNeeded(catalog, report, compare);
        var counts = await KeptRevisionCounts.ReadAsync(
            db, figuresCache, version, [.. needed.Select(r => new RevisionCounts.Stored(r.Id, r.Date, r.Unassigned))], cancellationToken);
        return Compute(catalog, report, compare, counts);
    }

    /// <summary>The current revisions whose counts the figures of <paramref name="report"/> use: the date, the comparison date and the earlier ones the warnings look back on.</summary>
    internal static IReadOnlyList<CurrentRevision> RevisionsNeeded(AreaCatalog catalog, DateOnly report, DateOnly? compare) =>
        [.. catalog.Revisions.Where(r => r.Date == report || r.Date == compare)
            .Union(catalog.Revisions.Where(r => r.Date < report).OrderByDescending(r => r.Date).Take(AnnexCalculator.UnchangedSnapshotsThreshold))];

    /// <summary>
    /// The figures of <paramref name="report"/> from counts already read (by revision id; they must hold
    /// <see cref="RevisionsNeeded"/>): one computation for a single date and for many dates read at once.
    /// </summary>
    internal static AreaFigures Compute(AreaCatalog catalog, DateOnly report, DateOnly? compare, IReadOnlyDictionary<long, SnapshotCounts> counts)
    {
        var byDate = catalog.Revisions.ToDictionary(r => r.Date);
        var earlier = catalog.Revisions
            .Where(r => r.Date < report)
            .OrderByDescending(r => r.Date)
            .Take(AnnexCalculator.UnchangedSnapshotsThreshold)
            .ToList();

        SnapshotCounts Counts(CurrentRevision revision) => counts[revision.Id];

        var children = catalog.ChildrenOn(report);
        var input = new AnnexInput(
            catalog.AreaOn(report),
            children,
            Counts(byDate[report]),
            compare is { } d ? Counts(byDate[d]) : null,
            [.. earlier.Select(Counts)]);
        var annex = AnnexCalculator.Build(input);
        return AreaFigures.Build(annex, children, catalog.TargetOn(report));
    }
}

/// <summary>Which area this deployment serves by default (its GSO code); blank means the top of the tree.</summary>
public sealed class DeploymentOptions
{
    public string? AreaCode { get; set; }
}
