namespace BluezoneTracker.Core.Formatting;

/// <summary>
/// The dates any input may name, both ends included: from <see cref="Earliest"/> (by default
/// 1 January 2020 — before Bluezone existed there are no counts to report) to <see cref="Latest"/>
/// (by default tomorrow in Vietnam, so a server clock a little behind never refuses today). A date
/// outside is refused at the edge with a message, so that nothing downstream — figures, the audit
/// filter, time-zone conversion — meets year 1 or year 9999 (issue #15, point 1; docs/decisions/023).
/// </summary>
public sealed record AcceptedDates(DateOnly Earliest, DateOnly Latest)
{
    /// <summary>The default first accepted date: 2020-01-01.</summary>
    public static readonly DateOnly DefaultEarliest = new(2020, 1, 1);

    /// <summary>From <paramref name="earliest"/> to <paramref name="today"/> + <paramref name="daysAhead"/> (clamped at the calendar's end).</summary>
    public static AcceptedDates Until(DateOnly today, DateOnly earliest, int daysAhead)
    {
        var latest = DateOnly.FromDayNumber((int)Math.Clamp((long)today.DayNumber + daysAhead, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));
        return new AcceptedDates(earliest, latest);
    }

    public bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>The same range ending no later than <paramref name="latest"/> (e.g. today, for counts).</summary>
    public AcceptedDates EndingBy(DateOnly latest) => this with { Latest = latest < Latest ? latest : Latest };
}
