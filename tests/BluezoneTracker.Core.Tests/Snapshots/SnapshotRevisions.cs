using BluezoneTracker.Core.Snapshots;

namespace BluezoneTracker.Core.Tests.Snapshots;

/// <summary>A new upload for a date appends a revision: the newest is current, every earlier one is kept.</summary>
public class SnapshotRevisions
{
    private static readonly DateOnly August12 = new(2020, 8, 12);
    private static readonly DateOnly August17 = new(2020, 8, 17);

    private static SnapshotRevision Revision(DateOnly date, int number, long count, string? reason = null) => new(
        "14",
        number,
        new SnapshotCounts(date, new Dictionary<string, long> { ["116"] = count }, 0),
        new DateTimeOffset(date.ToDateTime(new TimeOnly(9, number)), TimeSpan.FromHours(7)),
        "staff",
        number == 1 ? RevisionSource.Form : RevisionSource.File,
        number == 1 ? null : "bieu-thong-ke.xlsx",
        reason);

    private static SnapshotHistory History() => new(
    [
        Revision(August17, 2, 21_106, "sửa số Thành phố"),
        Revision(August12, 1, 17_082),
        Revision(August17, 3, 21_160, "bổ sung"),
        Revision(August17, 1, 21_000),
    ]);

    [Fact]
    public void Current_revision_of_a_date_is_the_newest()
    {
        var current = History().Current(August17);

        Assert.Equal(3, current!.Number);
        Assert.Equal(21_160, current.Counts.For("116"));
    }

    [Fact]
    public void Every_earlier_revision_is_kept_oldest_first_with_its_origin()
    {
        var revisions = History().RevisionsOf(August17);

        Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
        Assert.Equal("sửa số Thành phố", revisions[1].Reason);
        Assert.Equal("bieu-thong-ke.xlsx", revisions[1].FileName);
        Assert.Equal(RevisionSource.Form, revisions[0].Source);
    }

    [Fact]
    public void Dates_are_listed_oldest_first_and_current_counts_use_the_newest_revisions()
    {
        var history = History();

        Assert.Equal([August12, August17], history.Dates);
        Assert.Equal([17_082L, 21_160L], history.CurrentCounts().Select(c => c.For("116")!.Value));
    }

    [Fact]
    public void Date_without_counts_has_no_current_revision()
    {
        var history = History();

        Assert.Null(history.Current(new DateOnly(2020, 8, 13)));
        Assert.Empty(history.RevisionsOf(new DateOnly(2020, 8, 13)));
    }

    [Fact]
    public void Area_missing_from_a_snapshot_has_no_count_rather_than_zero()
    {
        var counts = new SnapshotCounts(August17, new Dictionary<string, long> { ["116"] = 0 }, 27);

        Assert.Equal(0, counts.For("116"));
        Assert.Null(counts.For("118"));
    }

    [Fact]
    public void Negative_counts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new SnapshotCounts(August17, new Dictionary<string, long> { ["116"] = -1 }, 0));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new SnapshotCounts(August17, new Dictionary<string, long>(), -1));
    }

    [Fact]
    public void Default_comparison_date_is_the_latest_date_before_the_report_date()
    {
        DateOnly[] dates = [new(2020, 8, 10), August17, August12, new(2020, 8, 20)];

        Assert.Equal(August12, SnapshotDates.Before(dates, August17));
        Assert.Null(SnapshotDates.Before(dates, new DateOnly(2020, 8, 10)));
        Assert.Equal(new DateOnly(2020, 8, 20), SnapshotDates.Latest(dates));
        Assert.Null(SnapshotDates.Latest([]));
    }
}
