using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace BluezoneTracker.Web.Figures;

/// <summary>
/// The counts of stored revisions, kept per revision across writes (docs/decisions/147). A revision is never changed
/// once written — a correction is a new revision of the same date, with a new id — so its counts, read by child code,
/// stay right until the area catalog changes (an area's code or its existence), which is in the key. A write of counts
/// thus leaves the figures' first read after it to read only the revision it added, not the comparison date's, the
/// earlier dates' the warnings look back on and the pace window's start again (at 10 000 children each is 10 000 rows).
/// </summary>
internal static class KeptRevisionCounts
{
    // As the figures: the lifetime only frees memory of revisions no reader asks for any more.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The counts of each revision by its id, as <see cref="RevisionCounts.ReadAsync"/> reads them: those kept for the
    /// current catalog version from memory, the others in one query (none when all are kept), then kept (bounded by
    /// <see cref="FiguresCache"/>'s size: an entry's size is its number of rows).
    /// </summary>
    public static async Task<Dictionary<long, SnapshotCounts>> ReadAsync(
        AppDbContext db, FiguresCache figuresCache, DataVersion version, IReadOnlyCollection<RevisionCounts.Stored> revisions, CancellationToken cancellationToken)
    {
        // Read before the counts: a catalog write meanwhile leaves counts under an older key, never the reverse.
        var catalog = version.Catalog;
        var found = new Dictionary<long, SnapshotCounts>(revisions.Count);
        var missing = new List<RevisionCounts.Stored>();
        foreach (var revision in revisions)
        {
            if (figuresCache.Memory.TryGetValue(Key(revision.Id, catalog), out SnapshotCounts? kept) && kept is not null)
            {
                found[revision.Id] = kept;
            }
            else
            {
                missing.Add(revision);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        foreach (var (id, counts) in await RevisionCounts.ReadAsync(db, missing, cancellationToken))
        {
            found[id] = counts;
            figuresCache.Memory.Set(Key(id, catalog), counts, new MemoryCacheEntryOptions
            {
                AbsoluteExpirationRelativeToNow = Lifetime,
                Size = counts.Registrations.Count + 1,
            });
        }

        return found;
    }

    private static (string, long, long) Key(long revisionId, long catalog) => (nameof(KeptRevisionCounts), revisionId, catalog);
}
