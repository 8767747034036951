namespace BluezoneTracker.Core.Figures;

/// <summary>Cumulative registrations of one area on one date.</summary>
public sealed record SeriesPoint(DateOnly Date, long Registrations)
{
    /// <summary>
    /// False when a child of the area had no count on the date: <see cref="Registrations"/> is then a partial sum, not
    /// the area's count, and charts leave a gap there rather than a dip (round 10).
    /// </summary>
    public bool IsComplete { get; init; } = true;
}

/// <summary>
/// New registrations between two consecutive snapshots, spread over the days between them, so a
/// three-day gap shows three days' average and not a one-day spike.
/// </summary>
public sealed record DailyNew(DateOnly From, DateOnly To, long Change)
{
    public int Days => To.DayNumber - From.DayNumber;

    public decimal PerDay => (decimal)Change / Days;
}

/// <summary>The period a daily pace is measured over, and whether it is a full week.</summary>
public sealed record PaceWindow(DateOnly From, DateOnly To)
{
    public const int PreferredDays = 7;

    public int Days => To.DayNumber - From.DayNumber;

    /// <summary>True when the window covers at least the last seven days; false when history is shorter.</summary>
    public bool IsFullWeek => Days >= PreferredDays;

    /// <summary>
    /// The pace over the last seven days: from the latest snapshot on or before seven days earlier.
    /// With less history than that, since the previous snapshot. Null without an earlier snapshot.
    /// </summary>
    public static PaceWindow? Ending(IReadOnlyList<DateOnly> dates, DateOnly report)
    {
        ArgumentNullException.ThrowIfNull(dates);
        // Safe at the start of the calendar: there is no "seven days before" 1 January of year 1.
        var weekEarlier = report.DayNumber >= PreferredDays ? report.AddDays(-PreferredDays) : DateOnly.MinValue;
        DateOnly? weekStart = null;
        DateOnly? previous = null;
        foreach (var d in dates)
        {
            if (d <= weekEarlier && (weekStart is null || d > weekStart))
            {
                weekStart = d;
            }

            if (d < report && (previous is null || d > previous))
            {
                previous = d;
            }
        }

        return (weekStart ?? previous) is { } from ? new PaceWindow(from, report) : null;
    }

    public decimal? PerDay(long? registrationsAtStart, long? registrationsAtEnd) =>
        registrationsAtStart is { } start && registrationsAtEnd is { } end && Days > 0 ? (decimal)(end - start) / Days : null;
}

/// <summary>Pure functions over a time series of cumulative counts.</summary>
public static class RegistrationSeries
{
    /// <summary>
    /// New registrations per day between each pair of consecutive complete points (sorted by date first): a date on
    /// which a child has no count is skipped, and the period around it is one average over the days between.
    /// </summary>
    public static IReadOnlyList<DailyNew> NewPerDay(IEnumerable<SeriesPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var sorted = points.Where(p => p.IsComplete).OrderBy(p => p.Date).ToList();
        var result = new List<DailyNew>(Math.Max(0, sorted.Count - 1));
        for (var i = 1; i < sorted.Count; i++)
        {
            result.Add(new DailyNew(sorted[i - 1].Date, sorted[i].Date, sorted[i].Registrations - sorted[i - 1].Registrations));
        }

        return result;
    }

    /// <summary>The points up to and including <paramref name="date"/>: a report never shows later days.</summary>
    public static IReadOnlyList<SeriesPoint> UpTo(IEnumerable<SeriesPoint> points, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(points);
        return [.. points.Where(p => p.Date <= date).OrderBy(p => p.Date)];
    }
}
