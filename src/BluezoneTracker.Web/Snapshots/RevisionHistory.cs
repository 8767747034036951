using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Snapshots;

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
        var counts = await RevisionCounts.ReadAsync(db, [.. revisions.Select(r => new RevisionCounts.Stored(r.Id, date, r.Unassigned))], ct);
        return [.. revisions.Select(r => new RevisionView(r.Number, r.CreatedAt, r.CreatedBy, r.Source, r.FileName, r.HasFile, r.Reason, counts[r.Id]))];
    }
}
