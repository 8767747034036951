using BluezoneTracker.Core.Areas;
using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Tests.Snapshots;

/// <summary>Issue #11 point 6: which children reported on a date, when and by whom, and which have not.</summary>
public sealed class ReportingStatusOfADate
{
    private static readonly DateOnly Day = new(2020, 8, 18);
    private static readonly DateTimeOffset Morning = new(2020, 8, 18, 1, 0, 0, TimeSpan.Zero);

    private static readonly Area Province = new("14", "Tỉnh Sơn La", AreaKind.Province);
    private static readonly Area MocChau = new("123", "Huyện Mộc Châu", AreaKind.RuralDistrict, "14");
    private static readonly Area SongMa = new("126", "Huyện Sông Mã", AreaKind.RuralDistrict, "14");
    private static readonly Area City = new("116", "Thành phố Sơn La", AreaKind.City, "14");
    private static readonly Area TownMocChau = new("04060", "Thị trấn Mộc Châu", AreaKind.Township, "123");
    private static readonly Area ChiengSon = new("04066", "Xã Chiềng Sơn", AreaKind.Commune, "123");
    private static readonly Area LongSap = new("04063", "Xã Lóng Sập", AreaKind.Commune, "123");

    private static Dictionary<string, long> Counts(params (Area Area, long Count)[] counts) =>
        counts.ToDictionary(c => c.Area.Code, c => c.Count, StringComparer.Ordinal);

    [Fact]
    public void A_province_lists_its_districts_with_a_count_and_names_the_missing_one()
    {
        var status = ReportingStatus.Of(Province, [SongMa, MocChau, City], Day,
            [new RevisionEntry(1, Morning, "lan", Counts((MocChau, 6_000), (City, 21_106)))]);

        Assert.Equal(1, status.CurrentRevision);
        Assert.Equal(2, status.Reported.Count);
        Assert.Equal(3, status.Expected);
        Assert.False(status.IsComplete);
        Assert.Equal(["Huyện Sông Mã"], status.Missing.Select(a => a.Name));
        // Vietnamese name order without the kind prefix: Mộc Châu before Sơn La.
        Assert.Equal(["Huyện Mộc Châu", "Thành phố Sơn La"], status.Reported.Select(r => r.Child.Name));
        Assert.All(status.Reported, r => Assert.Equal(("lan", Morning, 1), (r.ReportedBy, r.ReportedAt, r.RevisionNumber)));
    }

    [Fact]
    public void A_district_credits_each_commune_to_the_revision_that_brought_its_current_count()
    {
        var later = Morning.AddHours(5);
        var status = ReportingStatus.Of(MocChau, [TownMocChau, ChiengSon, LongSap], Day,
        [
            // Revision 2 adds Lóng Sập and corrects Chiềng Sơn; the town's count stands since revision 1.
            new RevisionEntry(2, later, "minh", Counts((TownMocChau, 3_000), (ChiengSon, 510), (LongSap, 120))),
            new RevisionEntry(1, Morning, "lan", Counts((TownMocChau, 3_000), (ChiengSon, 500))),
        ]);

        Assert.True(status.IsComplete);
        Assert.Equal(2, status.CurrentRevision);
        var by = status.Reported.ToDictionary(r => r.Child.Code, r => (r.RevisionNumber, r.ReportedBy, r.Registrations));
        Assert.Equal((1, "lan", 3_000L), by[TownMocChau.Code]);
        Assert.Equal((2, "minh", 510L), by[ChiengSon.Code]);
        Assert.Equal((2, "minh", 120L), by[LongSap.Code]);
    }

    [Fact]
    public void A_count_removed_in_the_current_revision_is_missing_even_if_an_earlier_revision_had_it()
    {
        var status = ReportingStatus.Of(MocChau, [ChiengSon, LongSap], Day,
        [
            new RevisionEntry(1, Morning, "lan", Counts((ChiengSon, 500), (LongSap, 100))),
            new RevisionEntry(2, Morning.AddHours(1), "minh", Counts((ChiengSon, 500))),
        ]);

        Assert.Equal(["Xã Lóng Sập"], status.Missing.Select(a => a.Name));
        Assert.Equal(1, status.Reported.Single().RevisionNumber);
    }

    [Fact]
    public void A_date_without_counts_has_every_child_missing_and_no_revision()
    {
        var status = ReportingStatus.Of(MocChau, [ChiengSon, LongSap, TownMocChau], Day, []);

        Assert.Null(status.CurrentRevision);
        Assert.Empty(status.Reported);
        Assert.Equal(3, status.Missing.Count);
    }

    [Fact]
    public void A_commune_has_no_children_to_report()
    {
        var status = ReportingStatus.Of(ChiengSon, [], Day, []);

        Assert.Equal(0, status.Expected);
        Assert.True(status.IsComplete);
    }
}
