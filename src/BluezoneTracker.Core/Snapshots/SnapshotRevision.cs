namespace BluezoneTracker.Core.Snapshots;

/// <summary>
/// One revision of a date's counts. Revisions are appended, never changed: the newest is the
/// current one and every earlier one stays, with who sent it, when, from where and why.
/// </summary>
public sealed record SnapshotRevision(
    string AreaCode,
    int Number,
    SnapshotCounts Counts,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    RevisionSource Source,
    string? FileName = null,
    string? Reason = null)
{
    public DateOnly Date => Counts.Date;
}

public enum RevisionSource
{
    Seed,
    Form,
    File,
    Api,
    CommandLine,
    Restore,
}

/// <summary>The revisions of one parent area, by date.</summary>
public sealed class SnapshotHistory
{
    private readonly SortedDictionary<DateOnly, List<SnapshotRevision>> _byDate = [];

    public SnapshotHistory(IEnumerable<SnapshotRevision> revisions)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        foreach (var revision in revisions)
        {
            if (!_byDate.TryGetValue(revision.Date, out var list))
            {
                list = [];
                _byDate[revision.Date] = list;
            }

            list.Add(revision);
        }

        foreach (var list in _byDate.Values)
        {
            list.Sort((a, b) => a.Number.CompareTo(b.Number));
        }
    }

    /// <summary>Dates that have counts, oldest first.</summary>
    public IReadOnlyList<DateOnly> Dates => [.. _byDate.Keys];

    public IReadOnlyList<SnapshotRevision> RevisionsOf(DateOnly date) =>
        _byDate.TryGetValue(date, out var list) ? list : [];

    /// <summary>The newest revision of a date, or null when the date has no counts.</summary>
    public SnapshotRevision? Current(DateOnly date) =>
        _byDate.TryGetValue(date, out var list) ? list[^1] : null;

    /// <summary>Current counts of every date, oldest first.</summary>
    public IReadOnlyList<SnapshotCounts> CurrentCounts() => [.. _byDate.Values.Select(l => l[^1].Counts)];
}
