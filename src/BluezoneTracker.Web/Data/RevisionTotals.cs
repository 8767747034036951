using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Data;

/// <summary>
/// The per-revision totals (<see cref="RevisionTotalEntity"/>, table <c>RevisionTotals</c>): written by
/// <see cref="AppDbContext"/>'s save for every revision it adds, in the same transaction, whoever writes (web
/// upload, grid, API, restore, the <c>import</c> verb, the demo seed); filled for revisions stored before they
/// existed at start-up (<see cref="FillMissingAsync"/>); read by the series over every date instead of summing
/// every count row (issue #13 point 4, docs/decisions/092). Exact: sums of integers, checked for overflow.
/// </summary>
public static class RevisionTotals
{
    /// <summary>A revision's totals as read: the sum of its count rows (unassigned not included) and their number.</summary>
    public readonly record struct Sum(long RevisionId, long Registrations, int Rows);

    /// <summary>
    /// The totals of <paramref name="revisions"/>, one query: from <c>RevisionTotals</c>, or, for a revision that
    /// has none (written by an older build during an upgrade, before start-up filled it), summed from its rows —
    /// so a reader is exact either way.
    /// </summary>
    public static IQueryable<Sum> Of(IQueryable<SnapshotRevisionEntity> revisions)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        return revisions.Select(r => new Sum(
            r.Id,
            r.Total != null ? r.Total.Registrations : r.Counts.Sum(c => c.Registrations),
            r.Total != null ? r.Total.Rows : r.Counts.Count()));
    }

    /// <summary>
    /// Adds the totals row of every revision the pending save adds, from the count rows that save inserts with it
    /// (called by <see cref="AppDbContext"/> before saving, so both go in one batch and one transaction). Returns the
    /// stored revisions whose rows the save changes (never done by the app: revisions are append-only), which
    /// <see cref="Recount"/> rewrites after the save, in its transaction.
    /// </summary>
    /// <exception cref="OverflowException">The counts of one revision add up past a 64-bit integer.</exception>
    internal static IReadOnlyList<long> AddFor(AppDbContext db)
    {
        var added = db.ChangeTracker.Entries<SnapshotRevisionEntity>()
            .Where(e => e.State == EntityState.Added)
            .ToDictionary(e => e.Property(r => r.Id).CurrentValue);
        var counts = db.ChangeTracker.Entries<SnapshotCountEntity>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (e.State, RevisionId: e.Property(c => c.RevisionId).CurrentValue, e.Entity.Registrations))
            .ToList();
        var stored = counts.Where(c => !added.ContainsKey(c.RevisionId)).Select(c => c.RevisionId).Distinct().ToList();

        var rowsOf = counts.Where(c => c.State == EntityState.Added).ToLookup(c => c.RevisionId, c => c.Registrations);
        foreach (var (id, revision) in added)
        {
            if (revision.Entity.Total is { } given && db.Entry(given).State == EntityState.Added)
            {
                // Whoever built the revision also built its totals: ours replace them, from the rows actually inserted.
                db.Entry(given).State = EntityState.Detached;
            }

            long sum = 0;
            var rows = 0;
            foreach (var registrations in rowsOf[id])
            {
                sum = checked(sum + registrations);
                rows++;
            }

            db.Set<RevisionTotalEntity>().Add(new RevisionTotalEntity
            {
                Revision = revision.Entity,
                Registrations = sum,
                Rows = rows,
            });
        }

        return stored;
    }

    /// <summary>Rewrites the totals of the stored revisions <paramref name="revisionIds"/> from their rows (inside the caller's transaction).</summary>
    internal static void Recount(AppDbContext db, IReadOnlyList<long> revisionIds)
    {
        db.Set<RevisionTotalEntity>().Where(t => revisionIds.Contains(t.RevisionId)).ExecuteDelete();
        db.Database.ExecuteSqlRaw(InsertMissing);
    }

    /// <inheritdoc cref="Recount"/>
    internal static async Task RecountAsync(AppDbContext db, IReadOnlyList<long> revisionIds, CancellationToken cancellationToken)
    {
        await db.Set<RevisionTotalEntity>().Where(t => revisionIds.Contains(t.RevisionId)).ExecuteDeleteAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(InsertMissing, cancellationToken);
    }

    /// <summary>
    /// Writes the totals of every revision that has none, from its rows (start-up: a store from before totals, or
    /// revisions an older build wrote during an upgrade). Idempotent; takes the writers' turn (the data-version
    /// row) so that two instances starting together do not both write them. Returns how many were written.
    /// </summary>
    public static async Task<int> FillMissingAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.SnapshotRevisions.AnyAsync(r => r.Total == null, cancellationToken))
        {
            return 0;
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.DataVersion.ExecuteUpdateAsync(v => v.SetProperty(r => r.Value, r => r.Value + 1), cancellationToken);
        var written = await db.Database.ExecuteSqlRawAsync(InsertMissing, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return written;
    }

    /// <summary>
    /// Rewrites every revision's totals from its rows, for a store whose count rows were written around EF (the
    /// benchmarks' bulk fill); call it inside the transaction that wrote them. Returns how many were written.
    /// </summary>
    public static async Task<int> RebuildAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Set<RevisionTotalEntity>().ExecuteDeleteAsync(cancellationToken);
        return await db.Database.ExecuteSqlRawAsync(InsertMissing, cancellationToken);
    }

    // Standard SQL, quoted: the same statement on SQLite and PostgreSQL (decision 070). A revision without rows totals 0.
    private const string InsertMissing = """
        INSERT INTO "RevisionTotals" ("RevisionId", "Registrations", "Rows")
        SELECT r."Id", COALESCE(SUM(c."Registrations"), 0), COUNT(c."RevisionId")
        FROM "SnapshotRevisions" AS r
        LEFT JOIN "SnapshotCounts" AS c ON c."RevisionId" = r."Id"
        WHERE NOT EXISTS (SELECT 1 FROM "RevisionTotals" AS t WHERE t."RevisionId" = r."Id")
        GROUP BY r."Id"
        """;
}
