using BluezoneTracker.Core.Figures;
using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>A district with no population (or zero) has no rate: it is flagged and ranked after those with one.</summary>
public class UnknownPopulation
{
    private static AnnexReport Annex() => new AnnexScenario()
        .District("01", "Huyện An", 0)
        .District("02", "Huyện Bình", 10_000)
        .District("03", "Huyện Cao", null)
        .District("04", "Huyện Dương", 100_000)
        .Counts(Day(12), 0, ("01", 900), ("02", 10), ("03", 900), ("04", 1))
        .Counts(Day(17), 0, ("01", 1_000), ("02", 20), ("03", 1_000), ("04", 2))
        .Build(Day(17), Day(12));

    [Fact]
    public void Zero_population_gives_no_rate_and_no_rate_change()
    {
        var row = Annex().Row("01");

        Assert.Null(row.Rate);
        Assert.Null(row.RateChange);
        Assert.Null(row.RankChange);
        Assert.Equal(1_000, row.Registrations);
        Assert.Equal(100, row.Change);
    }

    [Fact]
    public void Zero_or_missing_population_is_flagged_for_each_such_district()
    {
        var warnings = Annex().WarningsOf(DataWarningKind.PopulationUnknown);

        Assert.Equal(["01", "03"], warnings.Select(w => w.AreaCode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Districts_without_a_rate_are_ranked_after_those_with_one_however_small()
    {
        var annex = Annex();

        Assert.Equal(["02", "04", "01", "03"], annex.Rows.Select(r => r.Code));
        Assert.Equal([1, 2, 3, 4], annex.Rows.Select(r => r.Rank));
    }

    [Fact]
    public void Zero_population_is_not_reported_as_registrations_above_population()
    {
        Assert.Empty(Annex().WarningsOf(DataWarningKind.RegistrationsAbovePopulation));
    }
}
