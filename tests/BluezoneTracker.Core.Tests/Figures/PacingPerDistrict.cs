using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>Target pacing for the province and each district, paced over the window before the report date.</summary>
public class PacingPerDistrict
{
    private static AreaFigures SeedFigures() => AreaFigures.Build(SeedAnnex.Build(), SonLa.DistrictAreas, SonLa.Target);

    [Fact]
    public void Son_La_province_keeps_3_973_a_day_since_12_August_and_is_off_track()
    {
        var window = PaceWindow.Ending([SonLa.PreviousDate, SonLa.ReportDate], SonLa.ReportDate);

        var (province, _) = PacingReport.Build(SeedFigures(), SonLa.DistrictAreas, window, SonLa.OnPreviousDate);

        Assert.Equal(3_973.4m, province.Progress.DailyPace);
        Assert.Equal(TargetStatus.OffTrack, province.Progress.Status);
        Assert.Equal(3, province.Progress.DaysLeft);
        Assert.Equal(84_126m - 624_207.5m, province.Margin);
    }

    [Fact]
    public void Each_district_is_paced_on_its_own_change_and_population()
    {
        var window = PaceWindow.Ending([SonLa.PreviousDate, SonLa.ReportDate], SonLa.ReportDate);

        var (_, districts) = PacingReport.Build(SeedFigures(), SonLa.DistrictAreas, window, SonLa.OnPreviousDate);

        Assert.Equal(12, districts.Count);
        var city = districts.Single(d => d.Name == "Thành phố Sơn La");
        Assert.Equal(4_024m / 5, city.Progress.DailyPace);
        Assert.Equal(103_392m / 2, city.Progress.TargetCount);
        Assert.Equal(TargetBasisKind.Population, city.Progress.Basis.Kind);
    }

    [Fact]
    public void Without_earlier_history_there_is_no_pace_and_no_projected_date()
    {
        var (province, districts) = PacingReport.Build(SeedFigures(), SonLa.DistrictAreas, null, null);

        Assert.Null(province.Progress.DailyPace);
        Assert.Null(province.Progress.ProjectedDate);
        Assert.All(districts, d => Assert.Equal(TargetStatus.OffTrack, d.Progress.Status));
    }

    [Fact]
    public void After_the_deadline_an_area_has_achieved_or_missed_and_by_how_much()
    {
        var after = new DateOnly(2020, 8, 25);
        var counts = new SnapshotCounts(after, SonLa.OnReportDate.Registrations.ToDictionary(kv => kv.Key, kv => kv.Key == "116" ? 60_000L : kv.Value), 27);
        var annex = AnnexCalculator.Build(new AnnexInput(SonLa.Province, SonLa.DistrictAreas, counts, SonLa.OnReportDate, [SonLa.OnReportDate]));
        var figures = AreaFigures.Build(annex, SonLa.DistrictAreas, SonLa.Target);

        var (province, districts) = PacingReport.Build(figures, SonLa.DistrictAreas, new PaceWindow(SonLa.ReportDate, after), SonLa.OnReportDate);

        Assert.Equal(TargetStatus.Missed, province.Progress.Status);
        Assert.True(province.Margin < 0);
        var city = districts.Single(d => d.Code == "116");
        Assert.Equal(TargetStatus.Achieved, city.Progress.Status);
        Assert.Equal(60_000m - 51_696m, city.Margin);
        Assert.Equal(0, city.Progress.DaysLeft);
    }
}
