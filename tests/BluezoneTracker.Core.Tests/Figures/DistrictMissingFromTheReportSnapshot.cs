using BluezoneTracker.Core.Figures;
using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>A district absent from the report date's counts is shown empty and last, never as zero.</summary>
public class DistrictMissingFromTheReportSnapshot
{
    private static AnnexReport Annex() => new AnnexScenario()
        .ProvincePopulation(40_000)
        .District("01", "Huyện An", 10_000)
        .District("02", "Huyện Bình", 10_000)
        .District("03", "Huyện Cao", 10_000)
        .Counts(Day(12), 5, ("01", 100), ("02", 200), ("03", 300))
        .Counts(Day(17), 7, ("01", 150), ("03", 330))
        .Build(Day(17), Day(12));

    [Fact]
    public void Its_registrations_change_and_rate_are_empty()
    {
        var row = Annex().Row("02");

        Assert.Null(row.Registrations);
        Assert.Null(row.Change);
        Assert.Null(row.Rate);
        Assert.Null(row.RateChange);
        Assert.Equal(10_000, row.Population);
    }

    [Fact]
    public void It_is_ranked_last()
    {
        var annex = Annex();

        Assert.Equal(["03", "01", "02"], annex.Rows.Select(r => r.Code));
        Assert.Equal(3, annex.Row("02").Rank);
    }

    [Fact]
    public void It_gets_no_rank_arrow_since_having_no_count_is_not_falling_behind()
    {
        var row = Annex().Row("02");

        // 2nd by rate on 12/8, last on 17/8 only because its count is missing.
        Assert.Equal(2, row.PreviousRank);
        Assert.Null(row.RankChange);
    }

    [Fact]
    public void It_is_flagged_with_the_report_date()
    {
        var warning = Assert.Single(Annex().WarningsOf(DataWarningKind.MissingFromSnapshot));

        Assert.Equal("02", warning.AreaCode);
        Assert.Equal(Day(17), warning.OtherDate);
    }

    [Fact]
    public void Totals_sum_what_is_present()
    {
        var annex = Annex();

        Assert.Equal(150 + 330 + 7, annex.Total.Registrations);
        Assert.Equal(50 + 30 + 2, annex.Total.Change);
        Assert.Equal(40_000, annex.Total.Population);
        Assert.Equal(30_000, annex.Total.RowsPopulation);
    }

    [Fact]
    public void It_is_ranked_after_districts_without_a_population()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện An", 10_000)
            .District("02", "Huyện Bình", 10_000)
            .District("03", "Huyện Cao", 0)
            .Counts(Day(17), 0, ("01", 150), ("03", 330))
            .Build(Day(17), null);

        Assert.Equal(["01", "03", "02"], annex.Rows.Select(r => r.Code));
    }
}
