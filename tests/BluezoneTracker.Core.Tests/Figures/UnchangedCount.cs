using BluezoneTracker.Core.Figures;
using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>A count equal over three snapshots in a row (the report date included) suggests nobody sent data.</summary>
public class UnchangedCount
{
    [Fact]
    public void Count_equal_over_three_snapshots_is_flagged_with_the_count_and_the_streak()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện An", 10_000)
            .District("02", "Huyện Bình", 10_000)
            .Counts(Day(15), 0, ("01", 500), ("02", 100))
            .Counts(Day(16), 0, ("01", 500), ("02", 200))
            .Counts(Day(17), 0, ("01", 500), ("02", 300))
            .Build(Day(17), Day(16));

        var warning = Assert.Single(annex.WarningsOf(DataWarningKind.Unchanged));
        Assert.Equal("01", warning.AreaCode);
        Assert.Equal(500, warning.Value);
        Assert.Equal(3, warning.Count);
        Assert.Equal(3, AnnexCalculator.UnchangedSnapshotsThreshold);
    }

    [Fact]
    public void Count_equal_over_only_two_snapshots_is_not_flagged()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện An", 10_000)
            .Counts(Day(15), 0, ("01", 400))
            .Counts(Day(16), 0, ("01", 500))
            .Counts(Day(17), 0, ("01", 500))
            .Build(Day(17), Day(16));

        Assert.Empty(annex.WarningsOf(DataWarningKind.Unchanged));
        Assert.Equal(0, annex.Row("01").Change);
    }

    [Fact]
    public void Streak_counts_every_equal_snapshot_in_a_row()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện An", 10_000)
            .Counts(Day(13), 0, ("01", 500))
            .Counts(Day(14), 0, ("01", 500))
            .Counts(Day(15), 0, ("01", 500))
            .Counts(Day(16), 0, ("01", 500))
            .Counts(Day(17), 0, ("01", 500))
            .Build(Day(17), Day(16));

        Assert.Equal(5, Assert.Single(annex.WarningsOf(DataWarningKind.Unchanged)).Count);
    }
}
