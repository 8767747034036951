using System.Globalization;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Seed;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>The dashboard's pacing: the daily pace is the change divided by the days between the two dates.</summary>
public class DashboardFigures
{
    private static AreaFigures Figures() => AreaFigures.Build(SeedAnnex.Build(), SonLa.DistrictAreas, SonLa.Target);

    [Fact]
    public void Daily_pace_divides_the_change_by_the_days_between_the_dates()
    {
        var figures = Figures();

        Assert.Equal(5, figures.DaysCompared);
        Assert.Equal(19_867m / 5, figures.Progress!.DailyPace);
        Assert.Equal(4_024m / 5, figures.ChildProgress["116"].DailyPace);
    }

    [Fact]
    public void Province_and_every_district_have_their_own_progress()
    {
        var figures = Figures();

        Assert.Equal(624_207.5m, figures.Progress!.TargetCount);
        Assert.Equal(12, figures.ChildProgress.Count);
        Assert.Equal(51_696m, figures.ChildProgress["116"].TargetCount);
        Assert.All(figures.ChildProgress.Values, p => Assert.Equal(TargetStatus.OffTrack, p.Status));
    }

    [Fact]
    public void Without_a_target_there_is_no_progress()
    {
        var figures = AreaFigures.Build(SeedAnnex.Build(), SonLa.DistrictAreas, null);

        Assert.Null(figures.Progress);
        Assert.Empty(figures.ChildProgress);
    }

    [Theory]
    [InlineData(19_867L, 5, "3973.4")]
    [InlineData(-10L, 2, "-5")]
    public void Pace_is_change_per_day(long change, int days, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Pace.PerDay(change, days));
    }

    [Fact]
    public void Pace_is_unknown_without_a_change_or_without_days()
    {
        Assert.Null(Pace.PerDay(null, 5));
        Assert.Null(Pace.PerDay(100, 0));
    }
}
