using BluezoneTracker.Core.Reports;
using BluezoneTracker.Web.Audit;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace BluezoneTracker.Web.SignOffs;

/// <summary>
/// Sign-off of a date's current revision by a Director. A sign-off belongs to one revision: a
/// newer revision of the same date is a draft again, and the page says the sign-off was superseded.
/// </summary>
public sealed class SignOffs(AppDbContext db, AuditLog audit, TimeProvider clock, DataVersion version, FiguresCache cache)
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

        var rows = (await RowsAsync(catalog, cancellationToken)).Where(r => r.Date == date).ToList();
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
        var signed = (await RowsAsync(catalog, cancellationToken)).Select(r => r.RevisionId).ToHashSet();
        return catalog.Revisions.Where(r => signed.Contains(r.Id)).Select(r => r.Date).ToHashSet();
    }

    /// <summary>
    /// Every sign-off of the area's revisions, read once per <see cref="DataVersion"/> (signing and
    /// every new revision bump it): the annex and its downloads ask on every request.
    /// </summary>
    private async Task<IReadOnlyList<SignOffRow>> RowsAsync(AreaCatalog catalog, CancellationToken cancellationToken)
    {
        var areaCode = catalog.Area.Code;
        return (await cache.Memory.GetOrCreateAsync(("sign-offs", areaCode, version.Current), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30);
            var rows = await db.SignOffs.AsNoTracking()
                .Where(s => s.Revision!.Area!.Code == areaCode)
                .Select(s => new SignOffRow(s.RevisionId, s.Revision!.Date, s.Revision.Number, s.SignedByName, s.SignedAt))
                .ToListAsync(cancellationToken);
            entry.Size = rows.Count + 1;
            return (IReadOnlyList<SignOffRow>)rows;
        }))!;
    }

    private sealed record SignOffRow(long RevisionId, DateOnly Date, int Number, string SignedByName, DateTimeOffset SignedAt);

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
