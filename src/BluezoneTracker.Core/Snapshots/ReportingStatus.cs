using BluezoneTracker.Core.Areas;

namespace BluezoneTracker.Core.Snapshots;

/// <summary>One stored revision of a date's counts, with who entered it and when (the inputs of <see cref="ReportingStatus"/>).</summary>
/// <param name="Counts">Registrations by child area code; a child absent here has no count in this revision.</param>
public sealed record RevisionEntry(int Number, DateTimeOffset CreatedAt, string CreatedBy, IReadOnlyDictionary<string, long> Counts);

/// <summary>
/// A child area that has a count on the date, with the revision that brought that count as it stands now
/// (the earliest revision from which the count has been present and unchanged up to the current one).
/// </summary>
public sealed record ChildReport(Area Child, long Registrations, int RevisionNumber, DateTimeOffset ReportedAt, string ReportedBy);

/// <summary>
/// Which child areas of an area have a count on a date in its current revision, and which have not
/// (DHIS2's "completeness"): "11/12 huyện, thành phố đã báo cáo ngày 18/8/2020", the missing ones named.
/// </summary>
/// <param name="CurrentRevision">The date's current revision number; null when the date has no counts at all.</param>
/// <param name="Reported">Children with a count, in Vietnamese name order.</param>
/// <param name="Missing">Children without a count, in Vietnamese name order.</param>
public sealed record ReportingStatus(Area Area, DateOnly Date, int? CurrentRevision, IReadOnlyList<ChildReport> Reported, IReadOnlyList<Area> Missing)
{
    /// <summary>How many children are expected to report: all children of the area.</summary>
    public int Expected => Reported.Count + Missing.Count;

    public bool IsComplete => Missing.Count == 0;

    /// <summary>
    /// The status of <paramref name="date"/> from every revision of that date (any order): the current one is
    /// the highest number. A child counts as reported when the current revision has its count.
    /// </summary>
    public static ReportingStatus Of(Area area, IReadOnlyList<Area> children, DateOnly date, IReadOnlyCollection<RevisionEntry> revisionsOfDate)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(revisionsOfDate);
        var ordered = revisionsOfDate.OrderBy(r => r.Number).ToList();
        if (ordered.Count == 0)
        {
            return new ReportingStatus(area, date, null, [], Sorted(children));
        }

        var current = ordered[^1];
        var reported = new List<ChildReport>();
        var missing = new List<Area>();
        foreach (var child in Sorted(children))
        {
            if (!current.Counts.TryGetValue(child.Code, out var count))
            {
                missing.Add(child);
                continue;
            }

            // Walk back while the earlier revision had the same count: its author reported the figure that stands.
            var since = current;
            for (var i = ordered.Count - 2; i >= 0; i--)
            {
                if (!ordered[i].Counts.TryGetValue(child.Code, out var earlier) || earlier != count)
                {
                    break;
                }

                since = ordered[i];
            }

            reported.Add(new ChildReport(child, count, since.Number, since.CreatedAt, since.CreatedBy));
        }

        return new ReportingStatus(area, date, current.Number, reported, missing);
    }

    private static List<Area> Sorted(IEnumerable<Area> areas) => AreaOrder.SortByName(areas);
}
