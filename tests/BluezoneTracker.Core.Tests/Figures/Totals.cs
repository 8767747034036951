using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>Every total equals the sum of its rows, except population, where the official figure is used.</summary>
public class Totals
{
    [Fact]
    public void Total_registrations_are_the_districts_plus_the_unassigned()
    {
        var annex = SeedAnnex.Build();

        Assert.Equal(annex.Rows.Sum(r => r.Registrations ?? 0) + annex.Unassigned.Registrations, annex.Total.Registrations);
    }

    [Fact]
    public void Total_change_is_the_districts_changes_plus_the_unassigned_change()
    {
        var annex = SeedAnnex.Build();

        Assert.Equal(annex.Rows.Sum(r => r.Change ?? 0) + annex.Unassigned.Change, annex.Total.Change);
        Assert.Equal(12, annex.Unassigned.Change);
    }

    [Fact]
    public void Total_population_is_the_official_figure_not_the_sum_of_the_rows()
    {
        var annex = SeedAnnex.Build();

        Assert.Equal(annex.Rows.Sum(r => r.Population ?? 0), annex.Total.RowsPopulation);
        Assert.NotEqual(annex.Total.RowsPopulation, annex.Total.Population);
        Assert.Equal(84_126m / 1_248_415, annex.Total.Rate);
    }

    [Fact]
    public void Without_an_official_figure_the_total_population_is_the_sum_of_the_rows_and_nothing_is_flagged()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện An", 1_000)
            .District("02", "Huyện Bình", 3_000)
            .Counts(Day(12), 1, ("01", 50), ("02", 60))
            .Counts(Day(17), 2, ("01", 100), ("02", 100))
            .Build(Day(17), Day(12));

        Assert.Equal(4_000, annex.Total.Population);
        Assert.Equal(202, annex.Total.Registrations);
        Assert.Equal(50 + 40 + 1, annex.Total.Change);
        Assert.Equal(202m / 4_000, annex.Total.Rate);
        Assert.Empty(annex.Warnings);
    }

    [Fact]
    public void Official_population_equal_to_the_sum_of_the_rows_is_not_flagged()
    {
        var annex = new AnnexScenario()
            .ProvincePopulation(4_000)
            .District("01", "Huyện An", 1_000)
            .District("02", "Huyện Bình", 3_000)
            .Counts(Day(17), 0, ("01", 100), ("02", 100))
            .Build(Day(17), null);

        Assert.Empty(annex.Warnings);
    }
}
