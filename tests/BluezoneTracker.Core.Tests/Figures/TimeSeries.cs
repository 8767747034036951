using BluezoneTracker.Core.Figures;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>New registrations per day between snapshots, and the window a daily pace is measured over.</summary>
public class TimeSeries
{
    private static DateOnly Aug(int day) => new(2020, 8, day);

    [Fact]
    public void New_registrations_are_spread_over_the_days_between_snapshots_so_a_gap_is_not_a_spike()
    {
        var points = new[] { new SeriesPoint(Aug(12), 64_259), new SeriesPoint(Aug(17), 84_126), new SeriesPoint(Aug(18), 88_000) };

        var daily = RegistrationSeries.NewPerDay(points);

        Assert.Equal(2, daily.Count);
        Assert.Equal((Aug(12), Aug(17), 19_867L, 5), (daily[0].From, daily[0].To, daily[0].Change, daily[0].Days));
        Assert.Equal(3_973.4m, daily[0].PerDay);
        Assert.Equal(3_874m, daily[1].PerDay);
    }

    [Fact]
    public void Points_are_taken_in_date_order_whatever_order_they_come_in()
    {
        var daily = RegistrationSeries.NewPerDay([new SeriesPoint(Aug(20), 30), new SeriesPoint(Aug(10), 10)]);

        Assert.Equal(2m, Assert.Single(daily).PerDay);
    }

    [Fact]
    public void A_correction_downwards_shows_as_a_negative_daily_figure()
    {
        var daily = RegistrationSeries.NewPerDay([new SeriesPoint(Aug(10), 100), new SeriesPoint(Aug(12), 90)]);

        Assert.Equal(-5m, Assert.Single(daily).PerDay);
    }

    [Fact]
    public void One_point_or_none_gives_no_daily_figure()
    {
        Assert.Empty(RegistrationSeries.NewPerDay([new SeriesPoint(Aug(10), 100)]));
        Assert.Empty(RegistrationSeries.NewPerDay([]));
    }

    [Fact]
    public void A_series_up_to_a_report_date_leaves_out_later_days()
    {
        var upTo = RegistrationSeries.UpTo([new SeriesPoint(Aug(18), 3), new SeriesPoint(Aug(12), 1), new SeriesPoint(Aug(17), 2)], Aug(17));

        Assert.Equal([Aug(12), Aug(17)], upTo.Select(p => p.Date));
    }

    [Fact]
    public void Pace_is_measured_over_the_last_seven_days_when_a_snapshot_exists_seven_days_earlier()
    {
        var window = PaceWindow.Ending([Aug(1), Aug(3), Aug(10), Aug(16), Aug(17)], Aug(17));

        Assert.Equal(new PaceWindow(Aug(10), Aug(17)), window);
        Assert.True(window!.IsFullWeek);
    }

    [Fact]
    public void Without_a_snapshot_exactly_a_week_earlier_the_window_starts_at_the_latest_one_before_that()
    {
        var window = PaceWindow.Ending([Aug(1), Aug(8), Aug(12), Aug(17)], Aug(17));

        Assert.Equal(Aug(8), window!.From);
        Assert.Equal(9, window.Days);
    }

    [Fact]
    public void With_less_than_a_week_of_history_the_pace_is_since_the_previous_snapshot()
    {
        var window = PaceWindow.Ending([Aug(12), Aug(17)], Aug(17));

        Assert.Equal(new PaceWindow(Aug(12), Aug(17)), window);
        Assert.False(window!.IsFullWeek);
        Assert.Equal(3_973.4m, window.PerDay(64_259, 84_126));
    }

    [Fact]
    public void The_first_snapshot_has_no_pace()
    {
        Assert.Null(PaceWindow.Ending([Aug(12), Aug(17)], Aug(12)));
        Assert.Null(new PaceWindow(Aug(12), Aug(17)).PerDay(null, 5));
    }

    [Fact]
    public void Later_dates_never_enter_the_window()
    {
        var window = PaceWindow.Ending([Aug(5), Aug(12), Aug(17)], Aug(12));

        Assert.Equal(Aug(5), window!.From);
    }
}
