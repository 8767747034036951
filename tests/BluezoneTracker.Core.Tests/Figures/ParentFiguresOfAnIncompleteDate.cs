using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Reports;
using BluezoneTracker.Core.Snapshots;
using static BluezoneTracker.Core.Tests.Figures.AnnexScenario;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>
/// A figure of the parent that needs every child (the total's rate, change and rate change; progress, remaining,
/// required per day, pace, projection) is withheld with the reason when a child has no count on a date it
/// depends on; the total's registrations stay the sum of its rows (round 10: Sơn La on 20/8/2020 with 2 of 12
/// districts showed "2,77 %" and "giảm 392 lượt" for the whole province).
/// </summary>
public class ParentFiguresOfAnIncompleteDate
{
    private static AnnexScenario Province() => new AnnexScenario()
        .ProvincePopulation(40_000)
        .District("01", "Huyện An", 10_000)
        .District("02", "Huyện Bình", 10_000)
        .District("03", "Huyện Cao", 10_000);

    /// <summary>17/8 complete; 18/8 only Huyện An and Huyện Cao.</summary>
    private static AnnexReport MissingOnTheReportDate() => Province()
        .Counts(Day(17), 5, ("01", 100), ("02", 5_000), ("03", 300))
        .Counts(Day(18), 7, ("01", 150), ("03", 330))
        .Build(Day(18), Day(17));

    /// <summary>12/8 without Huyện Bình; 17/8 complete.</summary>
    private static AnnexReport MissingOnTheComparisonDate() => Province()
        .Counts(Day(12), 3, ("01", 100), ("03", 300))
        .Counts(Day(17), 4, ("01", 150), ("02", 900), ("03", 330))
        .Build(Day(17), Day(12));

    [Fact]
    public void The_total_keeps_the_sum_of_its_rows_and_withholds_rate_change_and_rate_change()
    {
        var total = MissingOnTheReportDate().Total;

        Assert.Equal(150 + 330 + 7, total.Registrations);
        Assert.Equal(40_000, total.Population);
        Assert.Null(total.Rate);
        Assert.Null(total.Change);
        Assert.Null(total.RateChange);
    }

    [Fact]
    public void The_report_knows_how_many_children_reported_on_each_date_and_which_are_missing()
    {
        var annex = MissingOnTheReportDate();

        Assert.True(annex.TotalIsWithheld);
        Assert.True(annex.ChangeIsWithheld);
        var completeness = Assert.IsType<AnnexCompleteness>(annex.Completeness);
        Assert.Equal(3, completeness.Children);
        Assert.Equal(2, completeness.Reported);
        Assert.Equal(3, completeness.CompareReported);
        Assert.Equal(["Huyện Bình"], completeness.Missing);
        Assert.Equal("chưa đủ số liệu: 2/3 huyện, thành phố có số liệu ngày 18/8/2020", AnnexDocument.WithheldReason(annex));
    }

    [Fact]
    public void A_child_missing_on_the_comparison_date_withholds_the_change_but_not_the_rate()
    {
        var annex = MissingOnTheComparisonDate();

        Assert.False(annex.TotalIsWithheld);
        Assert.True(annex.ChangeIsWithheld);
        Assert.Equal(150 + 900 + 330 + 4, annex.Total.Registrations);
        Assert.Equal((150m + 900 + 330 + 4) / 40_000, annex.Total.Rate);
        Assert.Null(annex.Total.Change);
        Assert.Null(annex.Total.RateChange);
        Assert.Equal(["Huyện Bình"], annex.Completeness!.MissingOnCompare);
        Assert.Equal("chưa đủ số liệu: 2/3 huyện, thành phố có số liệu ngày 12/8/2020", AnnexDocument.WithheldReason(annex));
    }

    [Fact]
    public void A_complete_annex_has_no_completeness_and_keeps_every_figure()
    {
        var annex = Province()
            .Counts(Day(12), 3, ("01", 100), ("02", 200), ("03", 300))
            .Counts(Day(17), 4, ("01", 150), ("02", 900), ("03", 330))
            .Build(Day(17), Day(12));

        Assert.Null(annex.Completeness);
        Assert.Equal(1384m / 40_000, annex.Total.Rate);
        Assert.Equal(50 + 700 + 30 + 1, annex.Total.Change);
        Assert.Null(AnnexDocument.WithheldReason(annex));
    }

    [Fact]
    public void The_annex_prints_a_dash_in_the_withheld_cells_and_says_why_under_the_table()
    {
        var document = AnnexDocument.From(MissingOnTheReportDate(), ReportSettings.DefaultFor(new Area(ProvinceCode, "Tỉnh Thử", AreaKind.Province)));
        var total = document.Lines.Single(l => l.Kind == AnnexLineKind.Total);

        Assert.Equal(["4", "TOÀN TỈNH (*)", "40.000", "487", "—", "—"], total.Cells);
        Assert.Equal("2/3 huyện, thành phố có số liệu ngày 18/8/2020", document.CoverageLine);
        Assert.Equal("(*) TOÀN TỈNH: tổng của các huyện, thành phố có số liệu, không phải số của toàn tỉnh; tỷ lệ và số so sánh chưa tính — chưa đủ số liệu.", document.WithheldLine);
    }

    [Fact]
    public void A_child_missing_on_the_comparison_date_is_named_under_the_table()
    {
        var document = AnnexDocument.From(MissingOnTheComparisonDate(), ReportSettings.DefaultFor(new Area(ProvinceCode, "Tỉnh Thử", AreaKind.Province)));

        Assert.Null(document.CoverageLine);
        Assert.Equal(
            "(*) TOÀN TỈNH: số so sánh và thay đổi tỷ lệ chưa tính — chưa đủ số liệu: 2/3 huyện, thành phố có số liệu ngày 12/8/2020. Chưa có số liệu ngày 12/8/2020: Huyện Bình.",
            document.WithheldLine);
        Assert.Equal("—", document.Lines.Single(l => l.Kind == AnnexLineKind.Total).ChangeText);
    }

    [Fact]
    public void The_summary_sentence_claims_no_figure_of_the_whole_province()
    {
        var summary = AnnexDocument.From(MissingOnTheReportDate(), ReportSettings.DefaultFor(new Area(ProvinceCode, "Tỉnh Thử", AreaKind.Province))).Summary;

        Assert.DoesNotContain("chiếm", summary);
        Assert.DoesNotContain("giảm", summary);
        Assert.DoesNotContain("tăng", summary);
        Assert.Contains("mới có 2/3 huyện, thành phố có số liệu, với tổng 487 lượt", summary);
        Assert.Contains("chưa có số liệu: Huyện Bình", summary);
    }

    [Fact]
    public void Progress_remaining_required_per_day_pace_and_projection_of_the_parent_are_withheld()
    {
        var target = new Target(0.5m, Day(20));
        var figures = AreaFigures.Build(MissingOnTheReportDate(), [], target);
        var progress = figures.Progress!;

        Assert.Equal(20_000m, progress.TargetCount);
        Assert.Null(progress.Progress);
        Assert.Null(progress.Remaining);
        Assert.Null(progress.RequiredPerDay);
        Assert.Null(progress.DailyPace);
        Assert.Null(progress.ProjectedDate);
        Assert.Equal(TargetStatus.Unknown, progress.Status);
    }

    [Fact]
    public void With_a_child_missing_on_the_comparison_date_the_parent_keeps_its_progress_but_not_its_pace()
    {
        var figures = AreaFigures.Build(MissingOnTheComparisonDate(), [], new Target(0.5m, Day(20)));
        var progress = figures.Progress!;

        Assert.Equal(1384m / 20_000, progress.Progress);
        Assert.Equal(20_000m - 1384, progress.Remaining);
        Assert.Null(progress.DailyPace);
        Assert.Null(progress.ProjectedDate);
        Assert.Equal(TargetStatus.Unknown, progress.Status);
    }

    [Fact]
    public void The_parents_pace_over_the_week_is_withheld_when_a_child_is_missing_where_the_week_starts()
    {
        List<string> codes = ["01", "02", "03"];
        var districts = codes
            .Select(c => new Area(c, "Huyện " + c, AreaKind.RuralDistrict, ProvinceCode) { Population = new Population(10_000, 2019, "t") })
            .ToList();
        var annex = Province()
            .Counts(Day(12), 3, ("01", 100), ("02", 200), ("03", 300))
            .Counts(Day(17), 4, ("01", 150), ("02", 900), ("03", 330))
            .Build(Day(17), Day(12));
        var target = new Target(0.5m, Day(20));
        var figures = AreaFigures.Build(annex, districts, target);
        var start = new SnapshotCounts(Day(10), new Dictionary<string, long> { ["01"] = 90, ["03"] = 250 }, 1);

        var pacing = PacingReport.Build(figures, districts, new PaceWindow(Day(10), Day(17)), start);

        Assert.False(pacing.Area.WindowStartIsComplete);
        Assert.Null(pacing.Area.Progress.DailyPace);
        Assert.Equal(1384m / 20_000, pacing.Area.Progress.Progress);
        Assert.Equal((150m - 90) / 7, pacing.Children.Single(c => c.Code == "01").Progress.DailyPace);
        Assert.Null(pacing.Children.Single(c => c.Code == "02").Progress.DailyPace);
    }

    [Fact]
    public void A_signed_annex_from_before_reads_back_byte_for_byte_and_renders_as_signed()
    {
        // Stored before completeness existed: 2 of 3 districts, the total's rate and change computed over them.
        var old = MissingOnTheReportDate() with { Completeness = null, Total = new TotalRow(40_000, 30_000, 487, -5_211, 487m / 40_000, -0.13m) };
        var settings = ReportSettings.DefaultFor(old.Area);
        var signed = new SignedAnnex(old, settings, DispatchDetails.FromSettings(settings, Day(18)), null, [], 2, "giamdoc", new DateTimeOffset(2020, 8, 18, 9, 0, 0, TimeSpan.FromHours(7)));
        var json = signed.ToJson();

        Assert.DoesNotContain("Completeness", json);
        var back = SignedAnnex.FromJson(json);
        Assert.Equal(json, back.ToJson());
        var total = back.Document().Lines.Single(l => l.Kind == AnnexLineKind.Total);
        Assert.Equal(["4", "TOÀN TỈNH", "40.000", "487", "- 5.211", "1,22 %"], total.Cells);
        Assert.Null(back.Document().WithheldLine);
    }
}

/// <summary>The series of the parent leaves a gap on a date where a child is missing, not a dip.</summary>
public class SeriesOverAnIncompleteDate
{
    [Fact]
    public void New_per_day_skips_the_incomplete_date_and_averages_over_the_days_around_it()
    {
        SeriesPoint[] points =
        [
            new(Day(17), 84_126),
            new(Day(19), 35_000) { IsComplete = false },
            new(Day(20), 90_126),
        ];

        var daily = RegistrationSeries.NewPerDay(points);

        var only = Assert.Single(daily);
        Assert.Equal((Day(17), Day(20), 6_000L), (only.From, only.To, only.Change));
        Assert.Equal(2_000m, only.PerDay);
    }
}
