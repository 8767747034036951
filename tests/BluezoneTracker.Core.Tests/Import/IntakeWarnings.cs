using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Seed;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Tests.Import;

public sealed class IntakeWarnings
{
    private static readonly DateOnly Aug18 = new(2020, 8, 18);

    private static IntakePreview Preview(IReadOnlyDictionary<string, long> counts, long unassigned = 27) =>
        IntakePreview.Build(new IntakeInput(
            SonLa.Province, SonLa.DistrictAreas, new SnapshotCounts(Aug18, counts, unassigned),
            [SonLa.OnReportDate, SonLa.OnPreviousDate], SonLa.OnReportDate));

    private static Dictionary<string, long> Seed(params (string Code, long Count)[] changes)
    {
        var counts = SonLa.OnReportDate.Registrations.ToDictionary();
        foreach (var (code, count) in changes)
        {
            counts[code] = count;
        }

        return counts;
    }

    [Fact]
    public void A_count_lower_than_the_day_before_is_a_warning()
    {
        var preview = Preview(Seed(("123", 11000)));
        Assert.Contains(preview.Warnings, w => w is { Kind: DataWarningKind.CountDecreased, AreaCode: "123", Value: 11000, Other: 11346 });
    }

    [Fact]
    public void A_daily_jump_far_above_the_recent_pace_is_a_warning()
    {
        // Vân Hồ grew 741 in 5 days (148 a day); 2.000 in one day is far above it.
        var preview = Preview(Seed(("128", 2308 + 2000)));
        Assert.Contains(preview.Warnings, w => w is { Kind: DataWarningKind.JumpAbovePace, AreaCode: "128", Value: 2000, Other: 148 });
    }

    // Vân Hồ alone, on the given August days: the jump check reads only the district's own history.
    private static IntakePreview VanHo(long on18, params (int Day, long Count)[] earlier) =>
        IntakePreview.Build(new IntakeInput(
            SonLa.Province, SonLa.DistrictAreas, new SnapshotCounts(Aug18, new Dictionary<string, long> { ["128"] = on18 }, 0),
            [.. earlier.Select(e => new SnapshotCounts(new DateOnly(2020, 8, e.Day), new Dictionary<string, long> { ["128"] = e.Count }, 0))],
            null));

    [Fact]
    public void A_climb_back_after_a_correction_is_not_a_jump()
    {
        // 150 a day, then corrected down by 100 on 17/8: the 300 of 18/8 makes up for it and is no jump.
        var preview = VanHo(1500, (10, 1000), (12, 1300), (17, 1200));

        Assert.DoesNotContain(preview.Warnings, w => w.Kind == DataWarningKind.JumpAbovePace);
    }

    [Fact]
    public void A_real_jump_is_measured_against_the_recent_pace_without_an_older_correction()
    {
        // 100 a day since 12/8 (the correction of 10/8-12/8 is left out of the pace), then 600 in one day.
        var preview = VanHo(2000, (10, 1000), (12, 900), (15, 1200), (17, 1400));

        Assert.Contains(preview.Warnings, w => w is { Kind: DataWarningKind.JumpAbovePace, AreaCode: "128", Value: 600, Other: 100 });
    }

    [Fact]
    public void One_earlier_spike_does_not_raise_the_recent_pace()
    {
        // 100 a day with one spike of 1.000 on 15/8 (pace of the last four intervals: 100, 100, 1.000, 100): the median pace stays 100, so 400 in a day is a jump.
        var preview = VanHo(3100, (12, 1300), (14, 1500), (15, 2500), (16, 2600), (17, 2700));

        Assert.Contains(preview.Warnings, w => w is { Kind: DataWarningKind.JumpAbovePace, AreaCode: "128", Value: 400, Other: 100 });
    }

    [Fact]
    public void A_count_above_the_population_is_a_warning() =>
        Assert.Contains(Preview(Seed(("127", 60000))).Warnings, w => w is { Kind: DataWarningKind.RegistrationsAbovePopulation, AreaCode: "127" });

    [Fact]
    public void A_district_left_out_is_a_warning()
    {
        var counts = Seed();
        counts.Remove("121");
        Assert.Contains(Preview(counts).Warnings, w => w is { Kind: DataWarningKind.MissingFromSnapshot, AreaCode: "121" });
    }

    [Fact]
    public void Normal_growth_gives_no_warning() =>
        Assert.Empty(Preview(SonLa.OnReportDate.Registrations.ToDictionary(p => p.Key, p => p.Value + 100), 30).Warnings);

    [Fact]
    public void The_cells_that_differ_from_the_current_revision_are_listed()
    {
        var preview = Preview(Seed(("116", 21107)), 28);
        Assert.Equal(
            [new CellChange("116", "Thành phố Sơn La", 21106, 21107), new CellChange(null, string.Empty, 27, 28)],
            preview.ChangesFromCurrent);
    }
}
