using BluezoneTracker.Core.Figures;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>Issue #11 point 4, decision 050: an area's count from its own snapshot and from its parent's row.</summary>
public sealed class TwoSourcesForOneCount
{
    private static readonly DateOnly Day = new(2020, 8, 17);

    private static SourcedCount Own(long count, int revision = 2) => new(count, CountSource.OwnSnapshot, "Huyện Mộc Châu", revision);

    private static SourcedCount Parent(long count, int revision = 1) => new(count, CountSource.ParentRow, "Tỉnh Sơn La", revision);

    [Fact]
    public void The_own_snapshot_is_shown_when_the_date_has_one()
    {
        var sources = new AreaCountSources(Day, Own(6_012), Parent(6_000));
        Assert.Equal(Own(6_012), sources.Shown);
    }

    [Fact]
    public void The_parent_row_is_shown_when_the_area_has_no_own_snapshot_that_day()
    {
        Assert.Equal(Parent(6_000), new AreaCountSources(Day, null, Parent(6_000)).Shown);
        Assert.Null(new AreaCountSources(Day, null, null).Shown);
    }

    [Fact]
    public void A_difference_is_a_warning_naming_both_numbers_both_revisions_and_the_parent()
    {
        var warning = new AreaCountSources(Day, Own(6_012, revision: 3), Parent(6_000, revision: 1)).Difference("123", "Huyện Mộc Châu");

        Assert.NotNull(warning);
        Assert.Equal(DataWarningKind.TwoSourcesDiffer, warning.Kind);
        Assert.Equal(("123", 6_012L, 6_000L, 3, 1, "Tỉnh Sơn La", Day), (warning.AreaCode, warning.Value, warning.Other, warning.Count, warning.OtherRevision, warning.OtherAreaName, warning.Date));
    }

    [Fact]
    public void Equal_counts_or_a_single_source_raise_no_warning()
    {
        Assert.Null(new AreaCountSources(Day, Own(6_000), Parent(6_000)).Difference("123", "Huyện Mộc Châu"));
        Assert.Null(new AreaCountSources(Day, Own(6_000), null).Difference("123", "Huyện Mộc Châu"));
        Assert.Null(new AreaCountSources(Day, null, Parent(6_000)).Difference("123", "Huyện Mộc Châu"));
    }

    [Fact]
    public void The_history_uses_the_chosen_source_each_day_and_shows_days_without_counts_as_gaps()
    {
        var days = AreaHistory.Build(
        [
            new AreaCountSources(new(2020, 8, 12), null, Parent(4_000)),
            new AreaCountSources(new(2020, 8, 17), Own(6_012), Parent(6_000)),
        ], _ => 150_000);

        Assert.Equal(6, days.Count);
        Assert.Equal([false, true, true, true, true, false], days.Select(d => d.IsGap));
        var last = days[^1];
        Assert.Equal((6_012L, CountSource.OwnSnapshot, 2_012L, 5), (last.Registrations!.Value, last.Source!.Value, last.Change!.Value, last.Days!.Value));
        // Pace and rate exact: 2.012 / 5 days; 6.012 / 150.000; rate change from 4.000 / 150.000.
        Assert.Equal(402.4m, last.PacePerDay);
        Assert.Equal(6_012m / 150_000m, last.Rate);
        Assert.Equal((6_012m / 150_000m) - (4_000m / 150_000m), last.RateChange);
        Assert.Equal(CountSource.ParentRow, days[0].Source);
        Assert.Null(days[0].Change);
    }

    [Fact]
    public void An_area_without_population_has_counts_but_no_rate()
    {
        var days = AreaHistory.Build([new AreaCountSources(Day, Own(10), null)], _ => null);
        Assert.Equal((10L, (decimal?)null), (days.Single().Registrations!.Value, days.Single().Rate));
    }
}
