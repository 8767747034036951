using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Figures;

/// <summary>
/// Target pacing of one area: where it stands, the pace it kept over <see cref="Window"/>, and
/// whether that pace makes the deadline.
/// </summary>
public sealed record AreaPacing(string Code, string Name, long Registrations, TargetProgress Progress, PaceWindow? Window)
{
    /// <summary>Registrations above (positive) or below (negative) the target count; null without a target count.</summary>
    public decimal? Margin => Progress.TargetCount is { } t && Progress.Progress is not null ? Registrations - t : null;

    /// <summary>False when a child had no count on the date the pace window starts from (the parent's pace is withheld).</summary>
    public bool WindowStartIsComplete { get; init; } = true;
}

/// <summary>Target pacing for an area and each of its children, paced over the last seven days.</summary>
public sealed record PacingReport(AreaPacing Area, IReadOnlyList<AreaPacing> Children)
{
    /// <summary>The report date the pacing is as of.</summary>
    public DateOnly Date { get; init; }

    /// <summary>Child areas without a count on <see cref="Date"/>: no progress, listed after the others (issue #10, point 2).</summary>
    public IReadOnlyList<AnnexRow> WithoutData { get; init; } = [];

    /// <param name="figures">The figures of the report date (its total uses the parent's basis).</param>
    /// <param name="windowStart">Counts at the start of the pace window, or null without earlier history.</param>
    public static PacingReport Build(
        AreaFigures figures, IReadOnlyList<Area> children, PaceWindow? window, SnapshotCounts? windowStart)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(children);
        if (figures.Target is not { } target || figures.Progress is not { } areaProgress)
        {
            throw new ArgumentException("Pacing needs a target.", nameof(figures));
        }

        var annex = figures.Annex;
        long? totalAtStart = windowStart is null ? null : windowStart.Registrations.Values.Sum() + windowStart.Unassigned;

        // The parent's pace needs every child on both ends of the window: a partial sum at either end is not its count.
        var startIsComplete = windowStart is null || children.All(c => windowStart.For(c.Code) is not null);
        var areaTarget = annex.TotalIsWithheld
            ? TargetProgress.Withheld(target, areaProgress.Basis, annex.Date)
            : TargetProgress.Compute(target, areaProgress.Basis, annex.Total.Registrations, annex.Date, window?.PerDay(totalAtStart, annex.Total.Registrations));
        if (!startIsComplete && !annex.TotalIsWithheld)
        {
            areaTarget = areaTarget.WithoutPace();
        }

        var area = new AreaPacing(annex.Area.Code, annex.Area.Name, annex.Total.Registrations, areaTarget, window)
        {
            WindowStartIsComplete = startIsComplete,
        };

        var byCode = children.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var rows = new List<AreaPacing>(annex.Rows.Count);
        foreach (var row in annex.Rows)
        {
            if (row.Registrations is not { } registrations || !byCode.TryGetValue(row.Code, out var child))
            {
                continue;
            }

            var pace = window?.PerDay(windowStart?.For(row.Code), registrations);
            rows.Add(new AreaPacing(row.Code, row.Name, registrations,
                TargetProgress.Compute(target, target.BasisFor(child), registrations, annex.Date, pace), window));
        }

        return new PacingReport(area, rows)
        {
            Date = annex.Date,
            WithoutData = [.. annex.Rows.Where(r => !r.IsRanked)],
        };
    }
}
