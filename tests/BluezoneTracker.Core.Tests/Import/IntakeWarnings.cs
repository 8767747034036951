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
