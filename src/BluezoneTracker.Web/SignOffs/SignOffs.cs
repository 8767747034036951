using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.SignOffs;

/// <summary>
/// Sign-off of a date's current revision by a Director. A sign-off belongs to one revision: a
/// newer revision of the same date is a draft again, and the page says the sign-off was superseded.
/// </summary>
public sealed class SignOffs(AppDbContext db, AuditLog audit, TimeProvider clock, DataVersion version)
{
    /// <summary>The sign-off status of a date of the catalog's area, or null when the date has no counts.</summary>
    public async Task<SignOffStatus?> StatusAsync(AreaCatalog catalog, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var current = catalog.Revisions.FirstOrDefault(r => r.Date == date);
        if (current is null)
        {
            return null;
        }

        var areaCode = catalog.Area.Code;
        var rows = await db.SignOffs.AsNoTracking()
            .Where(s => s.Revision!.Date == date && s.Revision.Area!.Code == areaCode)
            .Select(s => new { s.RevisionId, s.Revision!.Number, s.SignedByName, s.SignedAt })
            .ToListAsync(cancellationToken);
        var signed = rows.FirstOrDefault(r => r.RevisionId == current.Id);
        var earlier = rows.Where(r => r.RevisionId != current.Id).OrderByDescending(r => r.Number).FirstOrDefault();
        return new SignOffStatus(
            date,
            current.Number,
            signed is null ? null : new SignOff(signed.SignedByName, signed.SignedAt, signed.Number),
            earlier is null ? null : new SignOff(earlier.SignedByName, earlier.SignedAt, earlier.Number));
    }

    /// <summary>Dates of the catalog whose current revision is signed off.</summary>
    public async Task<IReadOnlySet<DateOnly>> SignedDatesAsync(AreaCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var ids = catalog.Revisions.Select(r => r.Id).ToList();
        var signed = await db.SignOffs.AsNoTracking().Where(s => ids.Contains(s.RevisionId)).Select(s => s.RevisionId).ToListAsync(cancellationToken);
        return catalog.Revisions.Where(r => signed.Contains(r.Id)).Select(r => r.Date).ToHashSet();
    }

    /// <summary>Signs off the current revision of a date. False when it is already signed.</summary>
    public async Task<bool> SignAsync(AreaCatalog catalog, DateOnly date, AppUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(user);
        var current = catalog.Revisions.First(r => r.Date == date);
        if (await db.SignOffs.AnyAsync(s => s.RevisionId == current.Id, cancellationToken))
        {
            return false;
        }

        var signOff = new SignOffEntity
        {
            RevisionId = current.Id,
            SignedBy = user.UserName ?? user.Id,
            SignedByName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName,
            SignedAt = clock.GetUtcNow(),
        };
        db.SignOffs.Add(signOff);
        audit.Add(AuditKinds.SignedOff, $"{catalog.Area.Code} {Core.Formatting.VietnameseFormat.IsoDate(date)}",
            after: new { Revision = current.Number, signOff.SignedBy, signOff.SignedAt });
        await db.SaveChangesAsync(cancellationToken);
        version.Bump();
        return true;
    }
}
