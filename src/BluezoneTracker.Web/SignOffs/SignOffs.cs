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

    /// <summary>
    /// The newest annex signed for a date of the catalog's area, as signed (null when the date was never signed
    /// off, or only before signed annexes were kept). Read once per <see cref="DataVersion"/>.
    /// </summary>
    public async Task<SignedAnnex?> LatestSignedAsync(AreaCatalog catalog, DateOnly date, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var areaCode = catalog.Area.Code;
        return await cache.Memory.GetOrCreateAsync(("signed-annex", areaCode, date, version.Current), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30);
            var json = await db.SignOffs.AsNoTracking()
                .Where(s => s.Revision!.Area!.Code == areaCode && s.Revision.Date == date && s.Annex != null)
                .OrderByDescending(s => s.Id)
                .Select(s => s.Annex)
                .FirstOrDefaultAsync(cancellationToken);
            entry.Size = json is null ? 1 : 20;
            return json is null ? null : SignedAnnex.FromJson(json);
        });
    }

    /// <summary>
    /// The newest signed annex of every date of the catalog's area that has one, in one query per
    /// <see cref="DataVersion"/> (the list of dates shows each date's sign-off status).
    /// </summary>
    public async Task<IReadOnlyDictionary<DateOnly, SignedAnnex>> LatestSignedByDateAsync(AreaCatalog catalog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var areaCode = catalog.Area.Code;
        return (await cache.Memory.GetOrCreateAsync(("signed-annexes", areaCode, version.Current), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(30);
            var rows = await db.SignOffs.AsNoTracking()
                .Where(s => s.Revision!.Area!.Code == areaCode && s.Annex != null)
                .Select(s => new { s.Id, s.Revision!.Date, s.Annex })
                .ToListAsync(cancellationToken);
            var latest = rows.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => SignedAnnex.FromJson(g.MaxBy(r => r.Id)!.Annex!));
            entry.Size = (latest.Count * 20) + 1;
            return (IReadOnlyDictionary<DateOnly, SignedAnnex>)latest;
        }))!;
    }

    /// <summary>
    /// Signs off the annex the Director saw: appended (never replacing an earlier sign-off) with every cell,
    /// the populations, target, settings and dispatch details. Refused, with nothing written, when the date's
    /// current revision is no longer <paramref name="revisionNumber"/> — checked inside the write transaction —
    /// or when the annex is already signed exactly so.
    /// </summary>
    /// <param name="role">The signer's role, recorded in the audit row (Director or Admin).</param>
    public async Task<SignResult> SignAsync(AreaCatalog catalog, SignedAnnex annex, AppUser user, string? role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(annex);
        ArgumentNullException.ThrowIfNull(user);
        var date = annex.Report.Date;
        var areaCode = catalog.Area.Code;
        var signedBy = user.UserName ?? user.Id;
        var signed = annex with
        {
            SignedBy = string.IsNullOrWhiteSpace(user.DisplayName) ? signedBy : user.DisplayName,
            SignedAt = clock.GetUtcNow(),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await db.SnapshotRevisions
            .Where(r => r.Area!.Code == areaCode && r.Date == date)
            .OrderByDescending(r => r.Number)
            .Select(r => new { r.Id, r.Number })
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null || current.Number != annex.RevisionNumber)
        {
            return SignResult.RevisionMoved;
        }

        // Against the store, not the annex posted: every child must have a count in the current revision of the report
        // date and of the comparison date, or the total's figures are not the parent's (decision 180). The rows are the
        // revision's totals row, kept by the write that stored it, read as the catalog reads them; the rule is the catalog's.
        var compare = annex.Report.CompareDate ?? date;
        var reported = await db.SnapshotRevisions
            .Where(r => r.Area!.Code == areaCode && (r.Date == date || r.Date == compare))
            .Where(r => r.Number == db.SnapshotRevisions.Where(o => o.AreaId == r.AreaId && o.Date == r.Date).Max(o => o.Number))
            .Select(r => new { r.Date, Rows = r.Total != null ? r.Total.Rows : r.Counts.Count() })
            .ToListAsync(cancellationToken);
        if (new[] { date, compare }.Any(d => reported.FirstOrDefault(r => r.Date == d) is not { } revision || !catalog.CoversEveryChild(revision.Rows)))
        {
            return SignResult.Incomplete;
        }

        var latest = await db.SignOffs.Where(s => s.Revision!.Area!.Code == areaCode && s.Revision.Date == date && s.Annex != null)
            .OrderByDescending(s => s.Id).Select(s => s.Annex).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && (SignedAnnex.FromJson(latest) with { SignedBy = signed.SignedBy, SignedAt = signed.SignedAt }).ToJson() == signed.ToJson())
        {
            return SignResult.AlreadySigned;
        }

        db.SignOffs.Add(new SignOffEntity
        {
            RevisionId = current.Id,
            SignedBy = signedBy,
            SignedByName = signed.SignedBy,
            SignedAt = signed.SignedAt,
            Annex = signed.ToJson(),
        });
        audit.Add(AuditKinds.SignedOff, $"{areaCode} {Core.Formatting.VietnameseFormat.IsoDate(date)}",
            after: new { Revision = current.Number, SignedBy = signedBy, SignedByName = signed.SignedBy, Role = role, signed.SignedAt, Dispatch = signed.Dispatch.Reference, DispatchDate = signed.Dispatch.Date });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        version.BumpFigures();
        return SignResult.SignedOff;
    }
}

/// <summary>The outcome of a sign-off.</summary>
public enum SignResult
{
    SignedOff,

    /// <summary>Exactly this annex (cells, settings, dispatch) is already the signed one.</summary>
    AlreadySigned,

    /// <summary>The date's counts changed (a new revision) while the sign-off page was open: nothing signed.</summary>
    RevisionMoved,

    /// <summary>A child area has no count in the current revision of the report or comparison date: nothing signed (decision 180).</summary>
    Incomplete,
}
