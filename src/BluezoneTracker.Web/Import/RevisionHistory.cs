using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Import;

/// <summary>One revision of a date as the history page shows it.</summary>
public sealed record RevisionView(
    int Number, DateTimeOffset CreatedAt, string CreatedBy, RevisionSource Source, string? FileName, bool HasFile, string? Reason, SnapshotCounts Counts);

/// <summary>Reads every revision of one date (two queries, whatever the number of revisions).</summary>
internal static class RevisionHistory
{
    public static async Task<IReadOnlyList<RevisionView>> OfDateAsync(AppDbContext db, string parentCode, DateOnly date, CancellationToken ct)
    {
        var revisions = await db.SnapshotRevisions.AsNoTracking()
            .Where(r => r.Area!.Code == parentCode && r.Date == date)
            .OrderBy(r => r.Number)
            .Select(r => new { r.Id, r.Number, r.CreatedAt, r.CreatedBy, r.Source, r.FileName, HasFile = r.UploadedFileId != null, r.Reason, r.Unassigned })
            .ToListAsync(ct);
        var counts = await SnapshotStore.CountsAsync(db, [.. revisions.Select(r => r.Id)], ct);
        return [.. revisions.Select(r => new RevisionView(
            r.Number, r.CreatedAt, r.CreatedBy, r.Source, r.FileName, r.HasFile, r.Reason,
            new SnapshotCounts(date, counts.GetValueOrDefault(r.Id) ?? new Dictionary<string, long>(), r.Unassigned)))];
    }

    /// <summary>The newest date's current counts, shown beside the grid's inputs.</summary>
    public static async Task<SnapshotCounts?> LatestAsync(AppDbContext db, Figures.AreaCatalog catalog, CancellationToken ct)
    {
        if (catalog.Revisions.Count == 0)
        {
            return null;
        }

        var latest = catalog.Revisions[^1];
        var counts = await SnapshotStore.CountsAsync(db, [latest.Id], ct);
        return new SnapshotCounts(latest.Date, counts.GetValueOrDefault(latest.Id) ?? new Dictionary<string, long>(), latest.Unassigned);
    }
}
