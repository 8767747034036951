using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>Districts are ranked by exact rate, highest first; equal rates go in Vietnamese name order.</summary>
public class RankingTies
{
    [Fact]
    public void Rows_are_ranked_by_exact_rate_highest_first()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện Một", 1_000)
            .District("02", "Huyện Hai", 1_000)
            .District("03", "Huyện Ba", 1_000)
            .Counts(Day(17), 0, ("01", 100), ("02", 300), ("03", 200))
            .Build(Day(17), null);

        Assert.Equal(["02", "03", "01"], annex.Rows.Select(r => r.Code));
        Assert.Equal([1, 2, 3], annex.Rows.Select(r => r.Rank));
    }

    [Fact]
    public void Equal_rates_are_ordered_by_name_ignoring_the_kind_prefix()
    {
        // With the prefix "Huyện Yên" would come before "Thành phố Xuân"; without it X comes before Y.
        var annex = new AnnexScenario()
            .District("01", "Huyện Yên", 1_000)
            .District("02", "Thành phố Xuân", 2_000)
            .Counts(Day(17), 0, ("01", 100), ("02", 200))
            .Build(Day(17), null);

        Assert.Equal(annex.Row("01").Rate, annex.Row("02").Rate);
        Assert.Equal(["Thành phố Xuân", "Huyện Yên"], annex.Rows.Select(r => r.Name));
    }

    [Fact]
    public void Equal_rates_follow_the_Vietnamese_alphabet_not_code_points()
    {
        // Vietnamese order: a ă â b c d đ e …; by code point Đ and Â would come after every ASCII letter.
        var annex = new AnnexScenario()
            .District("01", "Huyện Gia Lâm", 1_000)
            .District("02", "Huyện Đông Anh", 1_000)
            .District("03", "Huyện Bắc Hà", 1_000)
            .District("04", "Huyện Ân Thi", 1_000)
            .District("05", "Huyện Đà Bắc", 1_000)
            .Counts(Day(17), 0, ("01", 50), ("02", 50), ("03", 50), ("04", 50), ("05", 50))
            .Build(Day(17), null);

        Assert.Equal(
            ["Huyện Ân Thi", "Huyện Bắc Hà", "Huyện Đà Bắc", "Huyện Đông Anh", "Huyện Gia Lâm"],
            annex.Rows.Select(r => r.Name));
    }

    [Fact]
    public void Ranking_is_the_same_whatever_the_order_the_districts_are_given_in()
    {
        var forward = new AnnexScenario()
            .District("01", "Huyện Yên", 1_000)
            .District("02", "Thành phố Xuân", 1_000)
            .District("03", "Huyện An", 1_000)
            .Counts(Day(17), 0, ("01", 10), ("02", 10), ("03", 10))
            .Build(Day(17), null);
        var backward = new AnnexScenario()
            .District("03", "Huyện An", 1_000)
            .District("02", "Thành phố Xuân", 1_000)
            .District("01", "Huyện Yên", 1_000)
            .Counts(Day(17), 0, ("01", 10), ("02", 10), ("03", 10))
            .Build(Day(17), null);

        Assert.Equal(["03", "02", "01"], forward.Rows.Select(r => r.Code));
        Assert.Equal(forward.Rows.Select(r => r.Code), backward.Rows.Select(r => r.Code));
    }
}
