using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Figures;
using BluezoneTracker.Web.Reports;
using BluezoneTracker.Web.Settings;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>Whether a date's annex is official.</summary>
public enum DaySignOff
{
    /// <summary>Never signed off: a draft.</summary>
    Draft,

    /// <summary>Signed off, and the current data gives the annex as signed.</summary>
    SignedOff,

    /// <summary>Signed off, but the current data gives another annex (new counts, populations, target or settings).</summary>
    ChangedSinceSignOff,
}

/// <summary>A date with counts: its total, current revision, how many children reported and its sign-off status.</summary>
/// <remarks>
/// For a date whose count is read from the parent's table (<see cref="FromParent"/> set; decision 050: the area has no
/// snapshot of its own that day) the total is the area's row there, and revision and sign-off are the parent's.
/// </remarks>
public sealed record SnapshotDay(DateOnly Date, long Total, int Revision, int Reported, int Expected, DaySignOff SignOff)
{
    /// <summary>The parent's table this date's count is read from (read-only here); null for the area's own snapshot.</summary>
    public ParentTable? FromParent { get; init; }
}

/// <summary>The parent's snapshot that holds an area's count on a date: the parent's code and name, its current revision and sign-off status.</summary>
public sealed record ParentTable(string Code, string Name);

/// <summary>Consecutive days without counts between two dates that have them (first and last day included).</summary>
public sealed record SnapshotGap(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>The list of dates of an area, newest first: each <see cref="Day"/> or a <see cref="Gap"/> between two of them.</summary>
public sealed record SnapshotDayLine(SnapshotDay? Day, SnapshotGap? Gap);

/// <summary>
/// The list of dates of an area (the /snapshots page): every date with counts between the first and the last,
/// the days without counts between them as gaps. A fixed number of queries whatever the number of dates: the
/// catalog, one query for the revisions' totals and reporting children (<see cref="RevisionTotals"/>), the sign-offs, the signed annexes, the settings,
/// and one query for the counts the signed dates' current annexes need.
/// </summary>
/// <remarks>
/// The dates on which the area's count comes from its parent's table (decision 050, as the area's history on the
/// dashboard shows them) are listed too, read-only, with the parent's revision and sign-off status: two more
/// queries (the area's rows in the parent's snapshots, cached with the history) and the parent's sign-offs.
/// </remarks>
public sealed class SnapshotDays(AppDbContext db, FiguresQuery figures, SignOffs.SignOffs signOffs, ReportSettingsStore settings, AreaHistoryQuery history)
{
    /// <summary>The dates of <paramref name="areaCode"/> (the deployment area when blank), newest first; null for an unknown area.</summary>
    public async Task<IReadOnlyList<SnapshotDayLine>?> ListAsync(string? areaCode, CancellationToken cancellationToken = default) =>
        await figures.CatalogAsync(areaCode, cancellationToken) is { } catalog ? await ListAsync(catalog, cancellationToken) : null;

    /// <summary>The dates of the catalog's area, newest first, with the gaps between them.</summary>
    public async Task<IReadOnlyList<SnapshotDayLine>> ListAsync(AreaCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var days = new List<SnapshotDay>();
        days.AddRange(await OwnDaysAsync(catalog, cancellationToken));
        days.AddRange(await ParentDaysAsync(catalog, cancellationToken));

        var lines = new List<SnapshotDayLine>();
        SnapshotDay? newer = null;
        foreach (var day in days.OrderByDescending(d => d.Date))
        {
            if (newer is not null && newer.Date.DayNumber - day.Date.DayNumber > 1)
            {
                lines.Add(new SnapshotDayLine(null, new SnapshotGap(day.Date.AddDays(1), newer.Date.AddDays(-1))));
            }

            lines.Add(new SnapshotDayLine(day, null));
            newer = day;
        }

        return lines;
    }

    /// <summary>
    /// The dates whose count the area's history reads from its row in the parent's table (the area has no snapshot of
    /// its own that day), with the parent's current revision and that date's sign-off status in the parent.
    /// </summary>
    private async Task<IReadOnlyList<SnapshotDay>> ParentDaysAsync(AreaCatalog catalog, CancellationToken cancellationToken)
    {
        if (catalog.Area.ParentCode is not { } parentCode)
        {
            return [];
        }

        var own = catalog.Revisions.Select(r => r.Date).ToHashSet();
        var fromParent = (await history.ForAsync(catalog, cancellationToken)).Sources
            .Where(s => s.Own is null && s.FromParent is not null && !own.Contains(s.Date))
            .ToList();
        if (fromParent.Count == 0 || await figures.CatalogAsync(parentCode, cancellationToken) is not { } parent)
        {
            return [];
        }

        var table = new ParentTable(parent.Area.Code, parent.Area.Name);
        var status = await SignOffsAsync(parent, cancellationToken);
        return [.. fromParent.Select(s => new SnapshotDay(s.Date, s.FromParent!.Registrations, s.FromParent.Revision, 0, 0, status.GetValueOrDefault(s.Date)) { FromParent = table })];
    }

    /// <summary>The dates of the area's own snapshots, each with its total, revision, reporting children and sign-off status.</summary>
    private async Task<IReadOnlyList<SnapshotDay>> OwnDaysAsync(AreaCatalog catalog, CancellationToken cancellationToken)
    {
        if (catalog.Revisions.Count == 0)
        {
            return [];
        }

        var code = catalog.Area.Code;
        var sums = await RevisionTotals.Of(db.SnapshotRevisions.AsNoTracking().Where(r => r.Area!.Code == code))
            .ToDictionaryAsync(x => x.RevisionId, cancellationToken);
        var signOffs = await SignOffsAsync(catalog, cancellationToken);

        return [.. catalog.Revisions.Select(revision =>
        {
            var sum = sums.GetValueOrDefault(revision.Id);
            return new SnapshotDay(revision.Date, sum.Registrations + revision.Unassigned, revision.Number, sum.Rows, catalog.Children.Count, signOffs[revision.Date]);
        })];
    }

    /// <summary>
    /// The sign-off status of every date: as the annex page decides it (<see cref="AnnexSource.ChangesSince"/> between the
    /// newest signed annex and the annex of the current data with the default comparison date), or from the sign-off
    /// rows for dates signed before signed annexes were kept.
    /// </summary>
    private async Task<Dictionary<DateOnly, DaySignOff>> SignOffsAsync(AreaCatalog catalog, CancellationToken cancellationToken)
    {
        var signed = await signOffs.LatestSignedByDateAsync(catalog, cancellationToken);
        var result = new Dictionary<DateOnly, DaySignOff>();
        var toCompare = new List<(DateOnly Report, DateOnly? Compare)>();
        foreach (var revision in catalog.Revisions)
        {
            if (signed.ContainsKey(revision.Date))
            {
                toCompare.Add((revision.Date, FiguresQuery.SignedOrBefore(catalog, revision.Date, new SignedComparison(revision.Date, signed[revision.Date].Report.CompareDate))));
                continue;
            }

            var status = await signOffs.StatusAsync(catalog, revision.Date, cancellationToken);
            result[revision.Date] = status switch
            {
                { Current: not null } => DaySignOff.SignedOff,
                { Superseded: not null } => DaySignOff.ChangedSinceSignOff,
                _ => DaySignOff.Draft,
            };
        }

        if (toCompare.Count == 0)
        {
            return result;
        }

        var current = await settings.GetAsync(catalog.Area.Code, cancellationToken);
        var needed = toCompare.SelectMany(d => FiguresQuery.RevisionsNeeded(catalog, d.Report, d.Compare)).DistinctBy(r => r.Id).ToList();
        var counts = await RevisionCounts.ReadAsync(db, [.. needed.Select(r => new RevisionCounts.Stored(r.Id, r.Date, r.Unassigned))], cancellationToken);
        foreach (var (report, compare) in toCompare)
        {
            var annex = FiguresQuery.Compute(catalog, report, compare, counts).Annex;
            result[report] = AnnexSource.ChangesSince(signed[report], annex, current).Count == 0 ? DaySignOff.SignedOff : DaySignOff.ChangedSinceSignOff;
        }

        return result;
    }
}
