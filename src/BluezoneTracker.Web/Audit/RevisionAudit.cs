using BluezoneTracker.Core.Formatting;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BluezoneTracker.Web.Audit;

/// <summary>
/// Writes an audit row for every new revision of counts in the same save as the revision itself,
/// whatever wrote it (form, upload, API, restore, command line, seed): the counts before (the
/// revision it replaces) and after, by area code.
/// </summary>
internal sealed class RevisionAudit(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            await AddRowsAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db)
        {
            AddRowsAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    private async Task AddRowsAsync(AppDbContext db, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries<SnapshotRevisionEntity>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }

        var areaIds = added.SelectMany(r => r.Counts.Select(c => c.AreaId).Append(r.AreaId)).Distinct().ToList();
        var codes = await db.Areas.AsNoTracking().Where(a => areaIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Code, ct);
        foreach (var revision in added)
        {
            var parent = revision.Area?.Code ?? codes.GetValueOrDefault(revision.AreaId) ?? string.Empty;
            var previous = await db.SnapshotRevisions.AsNoTracking()
                .Where(r => r.AreaId == revision.AreaId && r.Date == revision.Date && r.Number < revision.Number)
                .OrderByDescending(r => r.Number)
                .Select(r => new { r.Number, r.Unassigned, Counts = r.Counts.Select(c => new { c.Area!.Code, c.Registrations }).ToList() })
                .FirstOrDefaultAsync(ct);
            var after = new
            {
                revision.Number,
                Source = revision.Source.ToString(),
                revision.FileName,
                revision.Reason,
                revision.Unassigned,
                Counts = revision.Counts.ToDictionary(c => c.Area?.Code ?? codes.GetValueOrDefault(c.AreaId) ?? string.Empty, c => c.Registrations, StringComparer.Ordinal),
            };
            var before = previous is null ? null : new
            {
                previous.Number,
                previous.Unassigned,
                Counts = previous.Counts.ToDictionary(c => c.Code, c => c.Registrations, StringComparer.Ordinal),
            };
            db.AuditLog.Add(AuditLog.Create(
                http.HttpContext, clock, AuditKinds.RevisionAdded, $"{parent} {VietnameseFormat.IsoDate(revision.Date)}", before, after, revision.CreatedBy));
        }
    }
}
