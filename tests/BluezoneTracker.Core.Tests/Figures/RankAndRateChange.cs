using BluezoneTracker.Core.Formatting;
using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>Against the comparison date: rate change in percentage points, rank change as arrows.</summary>
public class RankAndRateChange
{
    [Theory]
    [InlineData("116", 1, 1, "–", "+ 3,9 điểm %")]
    [InlineData("125", 3, 4, "▲1", "+ 1,5 điểm %")]
    [InlineData("120", 4, 3, "▼1", "+ 1,3 điểm %")]
    [InlineData("118", 6, 7, "▲1", "+ 2,0 điểm %")]
    [InlineData("124", 7, 6, "▼1", "+ 1,4 điểm %")]
    [InlineData("127", 9, 9, "–", "+ 0,9 điểm %")]
    [InlineData("119", 10, 11, "▲1", "+ 1,3 điểm %")]
    [InlineData("121", 11, 10, "▼1", "+ 1,0 điểm %")]
    public void Seed_districts_move_against_12_August(string code, int rank, int previousRank, string arrow, string points)
    {
        var row = SeedAnnex.Build().Row(code);

        Assert.Equal(rank, row.Rank);
        Assert.Equal(previousRank, row.PreviousRank);
        Assert.Equal(previousRank - rank, row.RankChange);
        Assert.Equal(arrow, VietnameseFormat.RankChange(row.RankChange!.Value));
        Assert.Equal(points, VietnameseFormat.Points(row.RateChange!.Value, 1));
    }

    [Fact]
    public void Rate_change_is_the_exact_difference_of_the_two_rates()
    {
        var row = SeedAnnex.Build().Row("127");

        // Sốp Cộp: 2.025 / 49.554 − 1.579 / 49.554 = 446 / 49.554.
        Assert.Equal(2_025m / 49_554 - 1_579m / 49_554, row.RateChange);
    }

    [Fact]
    public void Total_rate_change_is_shown_with_two_decimals_like_the_total_rate()
    {
        var total = SeedAnnex.Build().Total;

        Assert.Equal("+ 1,59 điểm %", VietnameseFormat.Points(total.RateChange!.Value, 2));
    }

    [Fact]
    public void Without_a_comparison_date_there_is_no_change_of_any_kind()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện An", 1_000)
            .Counts(Day(17), 3, ("01", 100))
            .Build(Day(17), null);

        var row = annex.Row("01");
        Assert.Null(annex.CompareDate);
        Assert.Null(row.Change);
        Assert.Null(row.RateChange);
        Assert.Null(row.PreviousRank);
        Assert.Null(row.RankChange);
        Assert.Null(annex.Unassigned.Change);
        Assert.Null(annex.Total.Change);
        Assert.Null(annex.Total.RateChange);
    }

    [Fact]
    public void Comparison_date_on_or_after_the_report_date_is_rejected()
    {
        var scenario = new AnnexScenario()
            .District("01", "Huyện An", 1_000)
            .Counts(Day(17), 0, ("01", 100))
            .Counts(Day(18), 0, ("01", 120));

        Assert.Throws<ArgumentException>(() => scenario.Build(Day(17), Day(17)));
        Assert.Throws<ArgumentException>(() => scenario.Build(Day(17), Day(18)));
    }
}
