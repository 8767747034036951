using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Import;

/// <summary>Everything a preview of new counts is computed from.</summary>
/// <param name="Earlier">Current counts of the dates before the new date, newest first.</param>
/// <param name="Current">The current revision's counts of the same date, when the date already has counts.</param>
public sealed record IntakeInput(
    Area Parent,
    IReadOnlyList<Area> Children,
    SnapshotCounts Proposed,
    IReadOnlyList<SnapshotCounts> Earlier,
    SnapshotCounts? Current);

/// <summary>One cell that differs between two versions of a date's counts (Code null: the unassigned count).</summary>
public sealed record CellChange(string? Code, string Name, long? Before, long? After);

/// <summary>
/// What saving new counts would do: the annex they give (with the change since the previous
/// snapshot), the data-quality warnings to confirm, and the cells that differ from the current revision.
/// </summary>
public sealed record IntakePreview(AnnexReport Annex, IReadOnlyList<DataWarning> Warnings, IReadOnlyList<CellChange> ChangesFromCurrent)
{
    /// <summary>A day's change this many times the recent daily pace is flagged…</summary>
    public const int JumpFactor = 3;

    /// <summary>…when it is also at least this many registrations a day above it.</summary>
    public const long JumpMinimumPerDay = 100;

    // The annex's own checks that concern the new counts (not populations or the comparison date).
    private static readonly HashSet<DataWarningKind> IntakeKinds =
    [
        DataWarningKind.RegistrationsAbovePopulation, DataWarningKind.CountDecreased, DataWarningKind.MissingFromSnapshot,
        DataWarningKind.Unchanged, DataWarningKind.UnassignedDecreased,
    ];

    public static IntakePreview Build(IntakeInput input, IEnumerable<DataWarning>? fileWarnings = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var earlier = input.Earlier.Where(e => e.Date < input.Proposed.Date).OrderByDescending(e => e.Date).ToList();
        var annex = AnnexCalculator.Build(new AnnexInput(input.Parent, input.Children, input.Proposed, earlier.FirstOrDefault(), earlier));
        var warnings = new List<DataWarning>(fileWarnings ?? []);
        warnings.AddRange(annex.Warnings.Where(w => IntakeKinds.Contains(w.Kind)));
        warnings.AddRange(Jumps(input.Children, input.Proposed, earlier));
        return new IntakePreview(annex, warnings, Diff(input.Children, input.Current, input.Proposed));
    }

    /// <summary>The cells that differ between two versions of a date's counts, in the children's order.</summary>
    public static IReadOnlyList<CellChange> Diff(IReadOnlyList<Area> children, SnapshotCounts? before, SnapshotCounts after)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            return [];
        }

        var changes = new List<CellChange>();
        foreach (var child in children)
        {
            var (b, a) = (before.For(child.Code), after.For(child.Code));
            if (b != a)
            {
                changes.Add(new CellChange(child.Code, child.Name, b, a));
            }
        }

        if (before.Unassigned != after.Unassigned)
        {
            changes.Add(new CellChange(null, string.Empty, before.Unassigned, after.Unassigned));
        }

        return changes;
    }

    /// <summary>The recent pace is the median daily pace over at most this many intervals before the new date.</summary>
    public const int JumpPaceIntervals = 4;

    // A daily jump far above the recent pace. The recent pace is robust: the median of the per-day paces of
    // the last few intervals, leaving out negative ones (corrections) and zero-length ones; and no warning when
    // the interval just before was a correction, since the new count then climbs back and is no real jump.
    private static IEnumerable<DataWarning> Jumps(IReadOnlyList<Area> children, SnapshotCounts proposed, List<SnapshotCounts> earlier)
    {
        if (earlier.Count < 2)
        {
            yield break;
        }

        var previous = earlier[0];
        var days = proposed.Date.DayNumber - previous.Date.DayNumber;
        foreach (var child in children)
        {
            if (Pace.PerDay(proposed.For(child.Code) - previous.For(child.Code), days) is not { } pace
                || RecentPace(child.Code, earlier) is not { } recentPace)
            {
                continue;
            }

            if (pace > JumpFactor * recentPace && pace - recentPace >= JumpMinimumPerDay)
            {
                yield return new DataWarning(DataWarningKind.JumpAbovePace, child.Code, child.Name, (long)VietnameseFormat.Round(pace, 0), (long)VietnameseFormat.Round(recentPace, 0), previous.Date);
            }
        }
    }

    /// <summary>
    /// The median per-day pace of <paramref name="code"/> over the last <see cref="JumpPaceIntervals"/> intervals of
    /// <paramref name="earlierNewestFirst"/>; null when the latest interval was a correction (a decrease) or no
    /// interval has a non-negative pace over at least one day.
    /// </summary>
    internal static decimal? RecentPace(string code, IReadOnlyList<SnapshotCounts> earlierNewestFirst)
    {
        var paces = new List<decimal>(JumpPaceIntervals);
        for (var i = 0; i + 1 < earlierNewestFirst.Count && i < JumpPaceIntervals; i++)
        {
            var (later, sooner) = (earlierNewestFirst[i], earlierNewestFirst[i + 1]);
            if (later.For(code) - sooner.For(code) is not { } change)
            {
                continue;
            }

            var days = later.Date.DayNumber - sooner.Date.DayNumber;
            if (change < 0 && i == 0)
            {
                return null;
            }

            if (change >= 0 && days > 0)
            {
                paces.Add((decimal)change / days);
            }
        }

        if (paces.Count == 0)
        {
            return null;
        }

        paces.Sort();
        var middle = paces.Count / 2;
        return paces.Count % 2 == 1 ? paces[middle] : (paces[middle - 1] + paces[middle]) / 2;
    }
}
