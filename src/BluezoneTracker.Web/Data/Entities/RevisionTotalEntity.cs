namespace BluezoneTracker.Web.Data.Entities;

/// <summary>
/// The totals of one stored revision's count rows (table <c>RevisionTotals</c>, one row per revision, which gives
/// its area and date), written
/// in the same save as the revision by <see cref="AppDbContext"/> (see <see cref="RevisionTotals"/>), so that
/// a series over every date reads one short row per date instead of summing every count row of every date
/// (issue #13 point 4, docs/decisions/092). Derived data: it can always be rebuilt from <c>SnapshotCounts</c>.
/// </summary>
public sealed class RevisionTotalEntity
{
    /// <summary>The revision these totals are of (also the key: one row per revision).</summary>
    public long RevisionId { get; set; }

    public SnapshotRevisionEntity? Revision { get; set; }

    /// <summary>The sum of the revision's count rows (registrations of its children); its unassigned count is not included.</summary>
    public long Registrations { get; set; }

    /// <summary>How many count rows the revision has: the children that reported.</summary>
    public int Rows { get; set; }
}
