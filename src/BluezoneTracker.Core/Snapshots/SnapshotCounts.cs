namespace BluezoneTracker.Core.Snapshots;

/// <summary>
/// Cumulative registrations of one parent area's children on one date (Vietnam time), plus
/// the registrations in the parent whose district is unknown.
/// </summary>
public sealed record SnapshotCounts
{
    public SnapshotCounts(DateOnly date, IReadOnlyDictionary<string, long> registrations, long unassigned)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentOutOfRangeException.ThrowIfNegative(unassigned);
        foreach (var (code, count) in registrations)
        {
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(registrations), $"Negative count for {code}.");
            }
        }

        Date = date;
        Registrations = registrations;
        Unassigned = unassigned;
    }

    public DateOnly Date { get; }

    /// <summary>Registrations by child area code. A child absent here is missing from the snapshot.</summary>
    public IReadOnlyDictionary<string, long> Registrations { get; }

    public long Unassigned { get; }

    public long? For(string areaCode) =>
        Registrations.TryGetValue(areaCode, out var count) ? count : null;
}
