namespace BluezoneTracker.Core.Formatting;

/// <summary>
/// The clock of the officials who read the figures (Asia/Ho_Chi_Minh). Vietnam keeps UTC+7 all year,
/// so a fixed offset is exact and needs no time-zone database on the server.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The same instant on Vietnam's clock.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>Now on Vietnam's clock.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Of(clock.GetUtcNow());
    }

    /// <summary>Today's date in Vietnam.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>Midnight at the start of a Vietnamese calendar day.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
