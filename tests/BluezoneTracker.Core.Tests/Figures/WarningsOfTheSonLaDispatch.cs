using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Seed;

namespace BluezoneTracker.Core.Tests.Figures;

public class WarningsOfTheSonLaDispatch
{
    [Fact]
    public void Official_population_differing_from_the_districts_sum_is_the_only_warning()
    {
        var annex = SeedAnnex.Build();

        var warning = Assert.Single(annex.Warnings);
        Assert.Equal(DataWarningKind.PopulationMismatch, warning.Kind);
        Assert.Equal(SonLa.ProvinceCode, warning.AreaCode);
        Assert.Equal(1_248_415, warning.Value);
        Assert.Equal(1_234_854, warning.Other);
    }

    [Fact]
    public void Province_row_uses_the_official_population_and_keeps_the_districts_sum()
    {
        var annex = SeedAnnex.Build();

        Assert.Equal(1_248_415, annex.Total.Population);
        Assert.Equal(1_234_854, annex.Total.RowsPopulation);
    }
}
