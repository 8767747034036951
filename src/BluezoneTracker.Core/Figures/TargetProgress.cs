namespace BluezoneTracker.Core.Figures;

/// <summary>Where an area stands against its target on a date, and whether its pace is enough.</summary>
public sealed record TargetProgress(
    TargetBasis Basis,
    decimal? TargetCount,
    decimal? Progress,
    decimal? Remaining,
    int DaysLeft,
    decimal? RequiredPerDay,
    decimal? DailyPace,
    DateOnly? ProjectedDate,
    TargetStatus Status)
{
    /// <summary>
    /// The progress of an area whose own registrations are not known because a child has no count on
    /// <paramref name="asOf"/>: the target count and days left stand, every figure that needs the registrations
    /// (progress, remaining, required per day, pace, projection) is withheld, and the status is unknown.
    /// </summary>
    public static TargetProgress Withheld(Target target, TargetBasis basis, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(basis);
        var daysLeft = Math.Max(0, target.Deadline.DayNumber - asOf.DayNumber);
        decimal? targetCount = basis.Figure is { Count: > 0 } figure ? target.Share * figure.Count : null;
        return new TargetProgress(basis, targetCount, null, null, daysLeft, null, null, null, TargetStatus.Unknown);
    }

    /// <summary>
    /// This progress with its pace and projection withheld (a child is missing on the date the pace starts from):
    /// an achieved or missed target stands, whether the pace makes the deadline is unknown.
    /// </summary>
    public TargetProgress WithoutPace() => this with
    {
        DailyPace = null,
        ProjectedDate = Status == TargetStatus.Achieved ? ProjectedDate : null,
        Status = Status is TargetStatus.Achieved or TargetStatus.Missed ? Status : TargetStatus.Unknown,
    };

    /// <param name="registrations">Cumulative registrations on <paramref name="asOf"/>.</param>
    /// <param name="dailyPace">Registrations per day over the chosen period, or null when unknown.</param>
    public static TargetProgress Compute(Target target, TargetBasis basis, long registrations, DateOnly asOf, decimal? dailyPace)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(basis);
        var daysLeft = Math.Max(0, target.Deadline.DayNumber - asOf.DayNumber);
        if (basis.Figure is not { Count: > 0 } figure)
        {
            return new TargetProgress(basis, null, null, null, daysLeft, null, dailyPace, null, TargetStatus.Unknown);
        }

        var targetCount = target.Share * figure.Count;
        var remaining = Math.Max(0m, targetCount - registrations);
        var progress = registrations / targetCount;
        decimal? requiredPerDay = remaining == 0m ? 0m : daysLeft > 0 ? remaining / daysLeft : null;

        DateOnly? projected = null;
        if (remaining == 0m)
        {
            projected = asOf;
        }
        else if (dailyPace is > 0m)
        {
            var days = (int)Math.Min(int.MaxValue / 2, Math.Ceiling(remaining / dailyPace.Value));
            if (asOf.DayNumber + (long)days <= DateOnly.MaxValue.DayNumber)
            {
                projected = asOf.AddDays(days);
            }
        }

        var status = (remaining, asOf >= target.Deadline) switch
        {
            (0m, _) => TargetStatus.Achieved,
            (_, true) => TargetStatus.Missed,
            _ when projected is { } p && p <= target.Deadline => TargetStatus.OnTrack,
            _ => TargetStatus.OffTrack,
        };

        return new TargetProgress(basis, targetCount, progress, remaining, daysLeft, requiredPerDay, dailyPace, projected, status);
    }
}

public enum TargetStatus
{
    Unknown,
    OnTrack,
    OffTrack,
    Achieved,
    Missed,
}
