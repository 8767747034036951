using BluezoneTracker.Core.Figures;
using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>More registrations than people is flagged, and the rate is shown as it is, not capped.</summary>
public class RegistrationsAbovePopulation
{
    [Fact]
    public void Registrations_above_population_are_flagged_and_the_rate_is_not_capped()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện An", 1_000)
            .District("02", "Huyện Bình", 1_000)
            .Counts(Day(17), 0, ("01", 1_200), ("02", 1_000))
            .Build(Day(17), null);

        var warning = Assert.Single(annex.WarningsOf(DataWarningKind.RegistrationsAbovePopulation));
        Assert.Equal("01", warning.AreaCode);
        Assert.Equal(1_200, warning.Value);
        Assert.Equal(1_000, warning.Other);
        Assert.Equal(1.2m, annex.Row("01").Rate);
        Assert.Equal(1, annex.Row("01").Rank);
    }

    [Fact]
    public void Registrations_equal_to_population_are_not_flagged()
    {
        var annex = new AnnexScenario()
            .District("01", "Huyện An", 1_000)
            .Counts(Day(17), 0, ("01", 1_000))
            .Build(Day(17), null);

        Assert.Empty(annex.Warnings);
    }
}
