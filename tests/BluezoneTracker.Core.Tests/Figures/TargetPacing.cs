using System.Globalization;
using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Figures;
using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Core.Seed;

namespace BluezoneTracker.Core.Tests.Figures;

/// <summary>
/// Target count = share × basis; remaining, required per day, days left, projected date from the
/// pace, and whether the area will make it.
/// </summary>
public class TargetPacing
{
    private static readonly DateOnly Deadline = new(2020, 8, 20);
    private static readonly DateOnly AsOf = new(2020, 8, 17);

    private static Area District(long population, long? smartphoneOwners = null) =>
        new("01", "Huyện An", AreaKind.RuralDistrict, "99")
        {
            Population = new Population(population, 2019, "census"),
            SmartphoneOwners = smartphoneOwners is { } o ? new Population(o, 2020, "carriers") : null,
        };

    private static TargetProgress Progress(long registrations, DateOnly asOf, decimal? dailyPace, long population = 1_000)
    {
        var target = new Target(0.5m, Deadline);
        return TargetProgress.Compute(target, target.BasisFor(District(population)), registrations, asOf, dailyPace);
    }

    [Fact]
    public void Son_La_target_is_half_of_the_official_population()
    {
        var basis = SonLa.Target.BasisFor(SonLa.Province);

        var progress = TargetProgress.Compute(SonLa.Target, basis, 84_126, AsOf, 19_867m / 5);

        Assert.Equal(TargetBasisKind.Population, progress.Basis.Kind);
        Assert.Equal(1_248_415, progress.Basis.Figure!.Count);
        Assert.Equal(624_207.5m, progress.TargetCount);
        Assert.Equal("624.208", VietnameseFormat.Count(progress.TargetCount!.Value));
        Assert.Equal(540_081.5m, progress.Remaining);
        Assert.Equal(84_126m / 624_207.5m, progress.Progress);
    }

    [Fact]
    public void Son_La_needs_180_027_a_day_for_3_days_and_at_its_pace_reaches_the_target_on_31_December()
    {
        var progress = TargetProgress.Compute(
            SonLa.Target, SonLa.Target.BasisFor(SonLa.Province), 84_126, AsOf, 19_867m / 5);

        Assert.Equal(3, progress.DaysLeft);
        Assert.Equal(540_081.5m / 3, progress.RequiredPerDay);
        Assert.Equal("180.027", VietnameseFormat.Count(progress.RequiredPerDay!.Value));
        Assert.Equal(3_973.4m, progress.DailyPace);

        // 540.081,5 / 3.973,4 = 135,9… days, so the 136th day after 17/8.
        Assert.Equal(new DateOnly(2020, 12, 31), progress.ProjectedDate);
        Assert.Equal(TargetStatus.OffTrack, progress.Status);
    }

    [Fact]
    public void Smartphone_owners_are_the_basis_where_an_area_has_them()
    {
        var target = new Target(0.5m, Deadline);

        var basis = target.BasisFor(District(population: 1_000, smartphoneOwners: 600));
        var progress = TargetProgress.Compute(target, basis, 100, AsOf, null);

        Assert.Equal(TargetBasisKind.SmartphoneOwners, basis.Kind);
        Assert.Equal(300m, progress.TargetCount);
        Assert.Equal(200m, progress.Remaining);
    }

    [Fact]
    public void Population_is_the_basis_when_the_target_asks_for_it_even_with_smartphone_owners_known()
    {
        var target = new Target(0.5m, Deadline, TargetBasisPreference.Population);

        var basis = target.BasisFor(District(population: 1_000, smartphoneOwners: 600));

        Assert.Equal(TargetBasisKind.Population, basis.Kind);
        Assert.Equal(1_000, basis.Figure!.Count);
    }

    [Fact]
    public void Population_is_the_basis_when_smartphone_owners_are_zero()
    {
        var basis = new Target(0.5m, Deadline).BasisFor(District(population: 1_000, smartphoneOwners: 0));

        Assert.Equal(TargetBasisKind.Population, basis.Kind);
    }

    [Fact]
    public void Without_a_basis_the_status_is_unknown()
    {
        var target = new Target(0.5m, Deadline);
        var area = new Area("01", "Huyện An", AreaKind.RuralDistrict, "99");

        var progress = TargetProgress.Compute(target, target.BasisFor(area), 100, AsOf, 10m);

        Assert.Equal(TargetBasisKind.None, progress.Basis.Kind);
        Assert.Null(progress.TargetCount);
        Assert.Null(progress.ProjectedDate);
        Assert.Equal(TargetStatus.Unknown, progress.Status);
    }

    [Fact]
    public void Remaining_is_never_below_zero_and_a_reached_target_is_achieved()
    {
        var progress = Progress(registrations: 700, AsOf, dailyPace: 10m);

        Assert.Equal(0m, progress.Remaining);
        Assert.Equal(0m, progress.RequiredPerDay);
        Assert.Equal(1.4m, progress.Progress);
        Assert.Equal(AsOf, progress.ProjectedDate);
        Assert.Equal(TargetStatus.Achieved, progress.Status);
    }

    [Fact]
    public void Pace_that_reaches_the_target_by_the_deadline_is_on_track()
    {
        // 100 remaining at 50 a day: 2 days, so 19/8.
        var progress = Progress(registrations: 400, AsOf, dailyPace: 50m);

        Assert.Equal(new DateOnly(2020, 8, 19), progress.ProjectedDate);
        Assert.Equal(100m / 3, progress.RequiredPerDay);
        Assert.Equal(TargetStatus.OnTrack, progress.Status);
    }

    [Fact]
    public void Projected_date_on_the_deadline_itself_is_on_track()
    {
        // 100 remaining at 40 a day: 2,5 days, so the target is reached during the 3rd day.
        var progress = Progress(registrations: 400, AsOf, dailyPace: 40m);

        Assert.Equal(Deadline, progress.ProjectedDate);
        Assert.Equal(TargetStatus.OnTrack, progress.Status);
    }

    [Fact]
    public void Pace_too_slow_for_the_deadline_is_off_track()
    {
        var progress = Progress(registrations: 400, AsOf, dailyPace: 30m);

        Assert.Equal(new DateOnly(2020, 8, 21), progress.ProjectedDate);
        Assert.Equal(TargetStatus.OffTrack, progress.Status);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-12.5")]
    [InlineData(null)]
    public void Zero_negative_or_unknown_pace_gives_no_projected_date(string? pace)
    {
        var progress = Progress(
            registrations: 400, AsOf, pace is null ? null : decimal.Parse(pace, CultureInfo.InvariantCulture));

        Assert.Null(progress.ProjectedDate);
        Assert.Equal(TargetStatus.OffTrack, progress.Status);
    }

    [Fact]
    public void Target_not_reached_after_its_deadline_is_missed_with_no_days_left()
    {
        var progress = Progress(registrations: 400, new DateOnly(2020, 8, 25), dailyPace: 1_000m);

        Assert.Equal(0, progress.DaysLeft);
        Assert.Null(progress.RequiredPerDay);
        Assert.Equal(100m, progress.Remaining);
        Assert.Equal(TargetStatus.Missed, progress.Status);
    }

    [Fact]
    public void Target_not_reached_by_the_end_of_its_deadline_day_is_missed()
    {
        // Counts are cumulative up to and including their date.
        var progress = Progress(registrations: 400, Deadline, dailyPace: 1_000m);

        Assert.Equal(0, progress.DaysLeft);
        Assert.Equal(TargetStatus.Missed, progress.Status);
    }

    [Fact]
    public void Target_reached_after_its_deadline_is_still_achieved()
    {
        var progress = Progress(registrations: 500, new DateOnly(2020, 8, 25), dailyPace: 10m);

        Assert.Equal(0m, progress.Remaining);
        Assert.Equal(TargetStatus.Achieved, progress.Status);
    }

    [Fact]
    public void Pace_too_slow_to_finish_before_the_end_of_the_calendar_gives_no_projected_date()
    {
        var progress = Progress(registrations: 0, AsOf, dailyPace: 0.000001m, population: 1_000_000_000);

        Assert.Null(progress.ProjectedDate);
        Assert.Equal(TargetStatus.OffTrack, progress.Status);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("1.01")]
    public void Target_share_outside_zero_to_one_is_rejected(string share)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new Target(decimal.Parse(share, CultureInfo.InvariantCulture), Deadline));
    }
}
