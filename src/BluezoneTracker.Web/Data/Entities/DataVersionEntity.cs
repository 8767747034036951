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

    /// <summary>
    /// The area catalog's version: raised together with <see cref="Value"/> only when areas, populations or
    /// targets change, so that what depends on them alone (the area directory, a catalog's children in name
    /// order, its targets and population history) survives a counts write (docs/decisions/105).
    /// </summary>
    public long Catalog { get; set; }
}
