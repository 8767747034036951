using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Import;

/// <summary>Appends new revisions; rows are only ever inserted.</summary>
internal static class SnapshotStore
{
    public sealed record NewRevision(
        string ParentCode, SnapshotCounts Counts, string User, RevisionSource Source, string? FileName, string? Reason,
        UploadedFile? File, long? ExistingFileId);

    /// <summary>Appends a revision (and its file, stored once per content) in one transaction; returns its number.</summary>
    public static async Task<int> AppendAsync(AppDbContext db, TimeProvider clock, NewRevision revision, CancellationToken ct)
    {
        // Two saves of the same date at once both pick the next number; the unique index refuses the
        // second, which then tries again with the number after (nothing of the failed attempt is kept).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AppendOnceAsync(db, clock, revision, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<int> AppendOnceAsync(AppDbContext db, TimeProvider clock, NewRevision revision, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var parent = await db.Areas.SingleAsync(a => a.Code == revision.ParentCode, ct);
            var codes = revision.Counts.Registrations.Keys.ToList();
            var ids = await db.Areas.Where(a => a.ParentId == parent.Id && codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
            var date = revision.Counts.Date;
            var number = 1 + (await db.SnapshotRevisions.Where(r => r.AreaId == parent.Id && r.Date == date).MaxAsync(r => (int?)r.Number, ct) ?? 0);
            var now = clock.GetUtcNow();
            var entity = new SnapshotRevisionEntity
            {
                AreaId = parent.Id,
                Date = date,
                Number = number,
                CreatedAt = now,
                CreatedBy = revision.User,
                Source = revision.Source,
                FileName = revision.FileName,
                Reason = revision.Reason,
                Unassigned = revision.Counts.Unassigned,
                UploadedFileId = revision.ExistingFileId,
            };
            if (revision.File is { } file)
            {
                var stored = await db.UploadedFiles.FirstOrDefaultAsync(f => f.Sha256 == file.Sha256, ct);
                entity.UploadedFile = stored ?? new UploadedFileEntity
                {
                    Sha256 = file.Sha256,
                    FileName = file.FileName,
                    ContentType = file.ContentType,
                    Length = file.Content.LongLength,
                    Content = file.Content,
                    UploadedAt = now,
                    UploadedBy = revision.User,
                };
            }

            foreach (var (code, count) in revision.Counts.Registrations)
            {
                entity.Counts.Add(new SnapshotCountEntity { AreaId = ids[code], Registrations = count });
            }

            db.SnapshotRevisions.Add(entity);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return number;
        });
    }
}
