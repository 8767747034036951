using System.Globalization;
using BluezoneTracker.Core.Import;
using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Snapshots;

/// <summary>
/// Appends new revisions; rows are only ever inserted. The rules that depend on what is stored are
/// checked here, inside the write transaction, so that a second writer — another request, the
/// <c>import</c> verb, another server — cannot slip past them between a check and the write.
/// </summary>
internal static class SnapshotStore
{
    /// <summary>A revision to append.</summary>
    /// <param name="Previewed">The date's current revision number when the user saw the preview (null: the date had no counts).</param>
    /// <param name="MayReviseSignedOff">The acting user is a Director or an Admin (resolved at the edge).</param>
    public sealed record NewRevision(
        string ParentCode, SnapshotCounts Counts, string User, RevisionSource Source, string? FileName, string? Reason,
        UploadedFile? File, long? ExistingFileId, int? Previewed, bool MayReviseSignedOff);

    /// <summary>The number of the appended revision, or the rule that refused it (nothing written).</summary>
    public readonly record struct Appended(int? Number, ImportProblem? Problem);

    /// <summary>
    /// Appends a revision (and its file, stored once per content) in one transaction after checking, in that
    /// transaction: the area has child areas (one without has no table of its own); the counts differ from the
    /// current revision's (identical ones are refused); a signed-off date is revised only by a Director or an
    /// Admin; then a date that has counts needs a reason, and the revision previewed is still the current one.
    /// </summary>
    public static async Task<Appended> AppendAsync(AppDbContext db, TimeProvider clock, NewRevision revision, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            // Writers of revisions take their turn before the rules read the store: raising the data-version row
            // locks it until commit (PostgreSQL: a row lock a second writer waits on; SQLite: the database's one
            // write lock). A writer that waited then reads what the first one committed. A refusal rolls back.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.DataVersion.ExecuteUpdateAsync(v => v.SetProperty(r => r.Value, r => r.Value + 1), ct);
            var parent = await db.Areas.SingleAsync(a => a.Code == revision.ParentCode, ct);
            var date = revision.Counts.Date;
            if (!await db.Areas.AnyAsync(a => a.ParentId == parent.Id, ct))
            {
                // An area without children has no table of its own: its count is its row in the parent's table.
                return new Appended(null, new ImportProblem(ImportProblemKind.NoChildAreas, Value: parent.Name));
            }

            var current = await db.SnapshotRevisions.Where(r => r.AreaId == parent.Id && r.Date == date).MaxAsync(r => (int?)r.Number, ct);
            if (current is { } number0 && await SameAsStoredAsync(db, parent.Id, date, number0, revision.Counts, ct))
            {
                // The same rule for the grid, the upload, the API, the command line and a restore: nothing to save.
                return new Appended(null, new ImportProblem(ImportProblemKind.UnchangedCounts, Other: number0.ToString(CultureInfo.InvariantCulture)));
            }

            // Who may write comes before what the write needs (a reason): a Staff member is not asked for a reason
            // only to be refused for the role once it is given (round 9's trial).
            if (current is not null && !revision.MayReviseSignedOff && await IsSignedOffAsync(db, parent.Code, date, ct))
            {
                return new Appended(null, new ImportProblem(ImportProblemKind.SignedOffDate, Value: Core.Formatting.VietnameseFormat.IsoDate(date)));
            }

            if (Refusal(revision, current) is { } refused)
            {
                return new Appended(null, refused);
            }

            var codes = revision.Counts.Registrations.Keys.ToList();
            var ids = await db.Areas.Where(a => a.ParentId == parent.Id && codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
            var number = 1 + (current ?? 0);
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
            return new Appended(number, null);
        });
    }

    /// <summary>
    /// Whether a date of an area has been signed off (any of its revisions): from then on only a Director or an Admin
    /// saves a new revision of it. The one rule for the write and for the pages that offer such a write.
    /// </summary>
    public static Task<bool> IsSignedOffAsync(AppDbContext db, string areaCode, DateOnly date, CancellationToken ct) =>
        db.SignOffs.AnyAsync(s => s.Revision!.Area!.Code == areaCode && s.Revision.Date == date, ct);

    /// <summary>Whether <paramref name="counts"/> are exactly the stored revision's: the same areas with the same counts, and the same unassigned count.</summary>
    private static async Task<bool> SameAsStoredAsync(AppDbContext db, int areaId, DateOnly date, int number, SnapshotCounts counts, CancellationToken ct)
    {
        // The revision row, then its counts through the shared reader (by revision id): a nested collection here made
        // SQLite read every count row of every date, as the reporting status did (docs/benchmarks.md).
        var revision = await db.SnapshotRevisions.AsNoTracking()
            .Where(r => r.AreaId == areaId && r.Date == date && r.Number == number)
            .Select(r => new RevisionCounts.Stored(r.Id, r.Date, r.Unassigned))
            .SingleAsync(ct);
        var stored = (await RevisionCounts.ReadAsync(db, [revision], ct))[revision.Id];
        return stored.Unassigned == counts.Unassigned
            && stored.Registrations.Count == counts.Registrations.Count
            && stored.Registrations.All(c => counts.Registrations.TryGetValue(c.Key, out var n) && n == c.Value);
    }

    /// <summary>The rules on the date's current revision number as stored now, in the order a user fixes them.</summary>
    private static ImportProblem? Refusal(NewRevision revision, int? current)
    {
        static string? Text(int? n) => n?.ToString(CultureInfo.InvariantCulture);
        if (current is not null && string.IsNullOrWhiteSpace(revision.Reason))
        {
            return new ImportProblem(ImportProblemKind.ReasonRequired, Other: Text(current));
        }

        return current != revision.Previewed
            ? new ImportProblem(ImportProblemKind.RevisionMoved, Value: Text(revision.Previewed), Other: Text(current))
            : null;
    }
}
