namespace BluezoneTracker.Core.Snapshots;

/// <summary>Rules for choosing the report date and the comparison date among the dates that have counts.</summary>
public static class SnapshotDates
{
    public static DateOnly? Latest(IReadOnlyList<DateOnly> dates) =>
        dates.Count == 0 ? null : dates.Max();

    /// <summary>The latest date with counts strictly before <paramref name="date"/>.</summary>
    public static DateOnly? Before(IReadOnlyList<DateOnly> dates, DateOnly date)
    {
        DateOnly? best = null;
        foreach (var d in dates)
        {
            if (d < date && (best is null || d > best))
            {
                best = d;
            }
        }

        return best;
    }

    /// <summary>
    /// The date a new entry of counts is most likely for: the day after the latest date with counts
    /// (staff enter the days in order, often a day late), never after <paramref name="today"/>;
    /// <paramref name="today"/> when nothing was entered yet.
    /// </summary>
    public static DateOnly NextToEnter(IReadOnlyList<DateOnly> dates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dates);
        return Latest(dates) is { } latest && latest.AddDays(1) < today ? latest.AddDays(1) : today;
    }
}
