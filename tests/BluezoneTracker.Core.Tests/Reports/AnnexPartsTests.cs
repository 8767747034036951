using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Core.Tests.Figures;
using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Reports;

/// <summary>
/// What changed in an annex between being looked at and being signed is known part by part (round 9's trial: a
/// population changed and the sign-off's refusal said the counts had).
/// </summary>
public class AnnexPartsTests
{
    private static AnnexReport Annex(long population = 10_000, long count = 150) => new AnnexScenario()
        .ProvincePopulation(40_000)
        .District("01", "Huyện An", population)
        .District("02", "Huyện Bình", 10_000)
        .Counts(Day(12), 5, ("01", 100), ("02", 200))
        .Counts(Day(17), 7, ("01", count), ("02", 230))
        .Build(Day(17), Day(12));

    private static readonly Target Half = new(0.5m, new DateOnly(2020, 8, 20));

    private static string Of(AnnexReport report, ReportSettings? settings = null, Target? target = null, long population = 10_000) =>
        AnnexParts.Fingerprint(report, settings ?? new ReportSettings(), target ?? Half, [new PopulationUsed("01", "Huyện An", population, 2019, "Cục Thống kê")]);

    [Fact]
    public void The_same_annex_has_changed_in_nothing()
    {
        Assert.Empty(AnnexParts.Changed(Of(Annex()), Of(Annex())));
    }

    [Fact]
    public void A_population_changed_is_a_change_of_populations_not_of_counts()
    {
        var changed = AnnexParts.Changed(Of(Annex()), Of(Annex(population: 12_000), population: 12_000));

        Assert.Equal([AnnexPart.Populations], changed);
    }

    [Fact]
    public void A_count_changed_is_a_change_of_counts()
    {
        Assert.Equal([AnnexPart.Counts], AnnexParts.Changed(Of(Annex()), Of(Annex(count: 160))));
    }

    [Fact]
    public void The_agency_renamed_and_the_signer_changed_are_told_apart()
    {
        var before = Of(Annex());

        Assert.Equal([AnnexPart.Agency], AnnexParts.Changed(before, Of(Annex(), new ReportSettings { AgencyName = "Sở mới" })));
        Assert.Equal([AnnexPart.Settings], AnnexParts.Changed(before, Of(Annex(), new ReportSettings { SignerName = "Lê Văn B" })));
        Assert.Equal([AnnexPart.Target], AnnexParts.Changed(before, Of(Annex(), target: new Target(0.6m, new DateOnly(2020, 8, 20)))));
    }

    [Fact]
    public void A_fingerprint_not_of_this_form_is_said_as_another_change_not_as_a_named_one()
    {
        Assert.Equal([AnnexPart.Other], AnnexParts.Changed("0123456789abcdef", Of(Annex())));
        Assert.Equal([AnnexPart.Other], AnnexParts.Changed(null, Of(Annex())));
    }
}
