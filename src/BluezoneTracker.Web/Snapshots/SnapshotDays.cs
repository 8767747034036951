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
public sealed record SnapshotDay(DateOnly Date, long Total, int Revision, int Reported, int Expected, DaySignOff SignOff);

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
public sealed class SnapshotDays(AppDbContext db, FiguresQuery figures, SignOffs.SignOffs signOffs, ReportSettingsStore settings)
{
    /// <summary>The dates of <paramref name="areaCode"/> (the deployment area when blank), newest first; null for an unknown area.</summary>
    public async Task<IReadOnlyList<SnapshotDayLine>?> ListAsync(string? areaCode, CancellationToken cancellationToken = default) =>
        await figures.CatalogAsync(areaCode, cancellationToken) is { } catalog ? await ListAsync(catalog, cancellationToken) : null;

    /// <summary>The dates of the catalog's area, newest first, with the gaps between them.</summary>
    public async Task<IReadOnlyList<SnapshotDayLine>> ListAsync(AreaCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Revisions.Count == 0)
        {
            return [];
        }

        var code = catalog.Area.Code;
        var sums = await RevisionTotals.Of(db.SnapshotRevisions.AsNoTracking().Where(r => r.Area!.Code == code))
            .ToDictionaryAsync(x => x.RevisionId, cancellationToken);
        var signOffs = await SignOffsAsync(catalog, cancellationToken);

        var lines = new List<SnapshotDayLine>();
        CurrentRevision? newer = null;
        foreach (var revision in catalog.Revisions.OrderByDescending(r => r.Date))
        {
            if (newer is not null && newer.Date.DayNumber - revision.Date.DayNumber > 1)
            {
                lines.Add(new SnapshotDayLine(null, new SnapshotGap(revision.Date.AddDays(1), newer.Date.AddDays(-1))));
            }

            var sum = sums.GetValueOrDefault(revision.Id);
            lines.Add(new SnapshotDayLine(
                new SnapshotDay(revision.Date, sum.Registrations + revision.Unassigned, revision.Number, sum.Rows, catalog.Children.Count, signOffs[revision.Date]),
                null));
            newer = revision;
        }

        return lines;
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
