using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>A count lower than before (a correction) gives a negative change, flagged and never hidden.</summary>
public class NegativeChange
{
    private static AnnexReport Annex() => new AnnexScenario()
        .District("01", "Huyện Một", 10_000)
        .District("02", "Huyện Hai", 10_000)
        .Counts(Day(12), 15, ("01", 500), ("02", 300))
        .Counts(Day(17), 27, ("01", 480), ("02", 350))
        .Build(Day(17), Day(12));

    [Fact]
    public void Change_is_negative_and_shown_with_a_minus()
    {
        var row = Annex().Row("01");

        Assert.Equal(-20, row.Change);
        Assert.True(row.ChangeIsNegative);
        Assert.Equal("- 20", VietnameseFormat.Change(row.Change!.Value));
        Assert.True(row.RateChange < 0);
    }

    [Fact]
    public void Decrease_is_reported_as_a_warning_with_both_counts_and_the_earlier_date()
    {
        var warning = Assert.Single(Annex().WarningsOf(DataWarningKind.CountDecreased));

        Assert.Equal("01", warning.AreaCode);
        Assert.Equal("Huyện Một", warning.AreaName);
        Assert.Equal(480, warning.Value);
        Assert.Equal(500, warning.Other);
        Assert.Equal(Day(12), warning.OtherDate);
    }

    [Fact]
    public void Total_change_includes_the_negative_change()
    {
        var annex = Annex();

        Assert.Equal(-20 + 50 + 12, annex.Total.Change);
        Assert.False(annex.Row("02").ChangeIsNegative);
    }

    [Fact]
    public void Decrease_since_the_latest_earlier_snapshot_is_flagged_even_when_the_comparison_date_is_older()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện Một", 10_000)
            .Counts(Day(12), 0, ("01", 400))
            .Counts(Day(16), 0, ("01", 520))
            .Counts(Day(17), 0, ("01", 500))
            .Build(Day(17), Day(12));

        Assert.Equal(100, annex.Row("01").Change);
        var warning = Assert.Single(annex.WarningsOf(DataWarningKind.CountDecreased));
        Assert.Equal(520, warning.Other);
        Assert.Equal(Day(16), warning.OtherDate);
    }

    [Fact]
    public void Unassigned_count_going_down_is_flagged()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện Một", 10_000)
            .Counts(Day(12), 30, ("01", 400))
            .Counts(Day(17), 27, ("01", 500))
            .Build(Day(17), Day(12));

        Assert.Equal(-3, annex.Unassigned.Change);
        var warning = Assert.Single(annex.WarningsOf(DataWarningKind.UnassignedDecreased));
        Assert.Equal(27, warning.Value);
        Assert.Equal(30, warning.Other);
    }
}
