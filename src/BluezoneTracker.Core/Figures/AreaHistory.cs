namespace BluezoneTracker.Core.Figures;

/// <summary>Where an area's count for a date was read from.</summary>
public enum CountSource
{
    /// <summary>The area's own snapshot: the sum of its children's counts plus its unassigned count.</summary>
    OwnSnapshot,

    /// <summary>The area's row in its parent's snapshot.</summary>
    ParentRow,
}

/// <summary>An area's count on a date from one source, with the name of the area whose snapshot holds it and that snapshot's current revision number.</summary>
public sealed record SourcedCount(long Registrations, CountSource Source, string SnapshotAreaName, int Revision);

/// <summary>
/// An area's count on one date from both of its possible sources (either may be missing). Which one is shown is
/// <see cref="Shown"/> — decision 050: the area's own snapshot when it has one for the date (it is the more
/// detailed: each child counted), its row in the parent's snapshot otherwise. Both are kept; a difference is a
/// data-quality warning (<see cref="Difference"/>) on both areas.
/// </summary>
public sealed record AreaCountSources(DateOnly Date, SourcedCount? Own, SourcedCount? FromParent)
{
    /// <summary>The count shown for the date (decision 050); null when neither source has one.</summary>
    public SourcedCount? Shown => Own ?? FromParent;

    /// <summary>
    /// The warning when both sources have a count and they differ: Value = the own snapshot's count, Other = the
    /// parent row's, Count = the own snapshot's revision, OtherRevision = the parent snapshot's revision.
    /// </summary>
    public DataWarning? Difference(string areaCode, string areaName) =>
        Own is { } own && FromParent is { } parent && own.Registrations != parent.Registrations
            ? new DataWarning(DataWarningKind.TwoSourcesDiffer, areaCode, areaName, own.Registrations, parent.Registrations, Count: own.Revision, Date: Date)
            {
                OtherRevision = parent.Revision,
                OtherAreaName = parent.SnapshotAreaName,
            }
            : null;
}

/// <summary>
/// One day of an area's own history. Days between two dates with counts appear with no count (a gap, never
/// interpolated). Change, pace and rate change are measured from the previous day that has a count.
/// </summary>
/// <param name="Days">Days since the previous date with a count (the change's period).</param>
/// <param name="PacePerDay">Change / days (domain: daily pace), exact.</param>
/// <param name="Rate">Registrations / population in force on the date, exact.</param>
/// <param name="RateChange">Rate minus the rate on the previous date with a count, as a fraction (shown in points).</param>
public sealed record AreaHistoryDay(
    DateOnly Date,
    long? Registrations,
    CountSource? Source,
    long? Change,
    int? Days,
    decimal? PacePerDay,
    decimal? Rate,
    decimal? RateChange)
{
    public bool IsGap => Registrations is null;
}

/// <summary>An area's own history: its count over time from the source decision 050 chooses, with change, pace and rate.</summary>
public static class AreaHistory
{
    /// <summary>
    /// Every calendar day from the first to the last date with a count, oldest first.
    /// </summary>
    /// <param name="counts">The area's counts by date from both sources (any order; dates without either are ignored).</param>
    /// <param name="populationOn">The area's population in force on a date (null: unknown, no rate).</param>
    public static IReadOnlyList<AreaHistoryDay> Build(IEnumerable<AreaCountSources> counts, Func<DateOnly, long?> populationOn)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(populationOn);
        var shown = counts.Where(c => c.Shown is not null).ToDictionary(c => c.Date, c => c.Shown!);
        if (shown.Count == 0)
        {
            return [];
        }

        var first = shown.Keys.Min();
        var last = shown.Keys.Max();
        var days = new List<AreaHistoryDay>(last.DayNumber - first.DayNumber + 1);
        (DateOnly Date, long Registrations, decimal? Rate)? previous = null;
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (!shown.TryGetValue(date, out var count))
            {
                days.Add(new AreaHistoryDay(date, null, null, null, null, null, null, null));
                continue;
            }

            var rate = Rates.Of(count.Registrations, populationOn(date));
            if (previous is { } p)
            {
                var change = count.Registrations - p.Registrations;
                var span = date.DayNumber - p.Date.DayNumber;
                days.Add(new AreaHistoryDay(date, count.Registrations, count.Source, change, span, Pace.PerDay(change, span), rate, rate - p.Rate));
            }
            else
            {
                days.Add(new AreaHistoryDay(date, count.Registrations, count.Source, null, null, null, rate, null));
            }

            previous = (date, count.Registrations, rate);
        }

        return days;
    }
}
