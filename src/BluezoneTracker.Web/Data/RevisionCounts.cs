using BluezoneTracker.Core.Snapshots;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Data;

/// <summary>Reads the counts of stored revisions: the one query the figures, the intake and the history share.</summary>
internal static class RevisionCounts
{
    /// <summary>A stored revision's identity and the parts of its counts kept on the revision row itself.</summary>
    public readonly record struct Stored(long Id, DateOnly Date, long Unassigned);

    /// <summary>The counts of each revision by its id, read in one query.</summary>
    public static async Task<Dictionary<long, SnapshotCounts>> ReadAsync(AppDbContext db, IReadOnlyCollection<Stored> revisions, CancellationToken ct)
    {
        if (revisions.Count == 0)
        {
            return [];
        }

        var ids = revisions.Select(r => r.Id).ToList();
        var rows = await db.SnapshotCounts.AsNoTracking()
            .Where(c => ids.Contains(c.RevisionId))
            .Select(c => new { c.RevisionId, c.Area!.Code, c.Registrations })
            .ToListAsync(ct);
        var byRevision = rows.ToLookup(r => r.RevisionId);
        return revisions.ToDictionary(
            r => r.Id,
            r => new SnapshotCounts(r.Date, byRevision[r.Id].ToDictionary(c => c.Code, c => c.Registrations, StringComparer.Ordinal), r.Unassigned));
    }
}
