using BluezoneTracker.Core.Snapshots;
using BluezoneTracker.Web.Data;
using BluezoneTracker.Web.Data.Entities;
using BluezoneTracker.Web.Figures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BluezoneTracker.Web.Tests.Infrastructure;

/// <summary>Direct access to the app's store, to arrange data and to check what was written.</summary>
public static class Store
{
    public static async Task<T> QueryAsync<T>(this WebApplicationFactory<Program> factory, Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Audit rows of a kind, oldest first.</summary>
    public static Task<List<AuditEntry>> AuditAsync(this WebApplicationFactory<Program> factory, string kind) =>
        factory.QueryAsync(db => db.AuditLog.AsNoTracking().Where(a => a.Kind == kind).OrderBy(a => a.Id).ToListAsync());

    /// <summary>Appends a new revision of a date's counts (as intake would), each count raised by <paramref name="plus"/>.</summary>
    public static async Task AddRevisionAsync(this WebApplicationFactory<Program> factory, DateOnly date, long plus = 1)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var current = await db.SnapshotRevisions.AsNoTracking().Include(r => r.Counts)
            .Where(r => r.Date == date).OrderByDescending(r => r.Number).FirstAsync();
        db.SnapshotRevisions.Add(new SnapshotRevisionEntity
        {
            AreaId = current.AreaId,
            Date = date,
            Number = current.Number + 1,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "test",
            Source = RevisionSource.Form,
            Reason = "Sửa số liệu",
            Unassigned = current.Unassigned,
            Counts = [.. current.Counts.Select(c => new SnapshotCountEntity { AreaId = c.AreaId, Registrations = c.Registrations + plus })],
        });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<DataVersion>().Bump();
    }
}
