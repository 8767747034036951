using BluezoneTracker.Core.Figures;
using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>A district with no count on the comparison date has an unknown change, not a change from zero.</summary>
public class DistrictMissingOnTheComparisonDate
{
    private static AnnexReport Annex() => new AnnexScenario()
        .District("01", "Huyện An", 10_000)
        .District("02", "Huyện Bình", 10_000)
        .Counts(Day(12), 3, ("01", 100))
        .Counts(Day(17), 4, ("01", 150), ("02", 900))
        .Build(Day(17), Day(12));

    [Fact]
    public void Its_change_rate_change_and_rank_change_are_unknown()
    {
        var row = Annex().Row("02");

        Assert.Equal(900, row.Registrations);
        Assert.Equal(0.09m, row.Rate);
        Assert.Null(row.Change);
        Assert.Null(row.RateChange);
        Assert.Null(row.PreviousRank);
        Assert.Null(row.RankChange);
    }

    [Fact]
    public void It_is_flagged_with_the_comparison_date()
    {
        var warning = Assert.Single(Annex().WarningsOf(DataWarningKind.MissingOnComparisonDate));

        Assert.Equal("02", warning.AreaCode);
        Assert.Equal(Day(12), warning.OtherDate);
    }

    [Fact]
    public void Total_change_is_withheld_not_a_sum_of_the_known_changes()
    {
        var annex = Annex();

        // Before round 10 the total change was 50 + 1: the change of the province without Huyện Bình.
        Assert.Equal(150 + 900 + 4, annex.Total.Registrations);
        Assert.Null(annex.Total.Change);
        Assert.True(annex.ChangeIsWithheld);
    }
}
