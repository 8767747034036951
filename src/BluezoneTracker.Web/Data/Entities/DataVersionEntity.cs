namespace BluezoneTracker.Web.Data.Entities;

/// <summary>
/// The store's data version: one row whose <see cref="Value"/> is raised by one inside every write
/// transaction that changes what a report shows (counts, areas, populations, targets, settings,
/// sign-offs), whichever process writes. Readers key cached figures by it (docs/decisions/015).
/// </summary>
public sealed class DataVersionEntity
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    public long Value { get; set; }
}
