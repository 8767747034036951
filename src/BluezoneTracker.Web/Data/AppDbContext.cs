using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Data;

/// <summary>
/// The store: one model over SQLite (this type) or PostgreSQL (<see cref="PostgresAppDbContext"/>);
/// what differs between the two lives in <see cref="StoreProvider"/>.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser, IdentityRole, string>, IDataProtectionKeyContext
{
    /// <summary>A SQLite (or any) store configured for this type.</summary>
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="PostgresAppDbContext"/>, whose options are typed for it.</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<AreaEntity> Areas => Set<AreaEntity>();

    public DbSet<TargetEntity> Targets => Set<TargetEntity>();

    public DbSet<PopulationEntity> Populations => Set<PopulationEntity>();

    public DbSet<DataVersionEntity> DataVersion => Set<DataVersionEntity>();

    public DbSet<SnapshotRevisionEntity> SnapshotRevisions => Set<SnapshotRevisionEntity>();

    public DbSet<SnapshotCountEntity> SnapshotCounts => Set<SnapshotCountEntity>();

    public DbSet<UploadedFileEntity> UploadedFiles => Set<UploadedFileEntity>();

    public DbSet<SignOffEntity> SignOffs => Set<SignOffEntity>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();

    public DbSet<ReportSettingsEntity> ReportSettings => Set<ReportSettingsEntity>();

    /// <summary>Uploaded files waiting for confirmation, shared by every app instance.</summary>
    public DbSet<PendingUploadEntity> PendingUploads => Set<PendingUploadEntity>();

    /// <summary>Data-protection keys, so that sign-in cookies survive restarts and work across instances.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Saves, raising the store's data version in the same transaction when report data changed.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        if (!ChangesReportData())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var recount = RevisionTotals.AddFor(this);
        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        RaiseVersion(ChangesCatalog());
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        if (recount.Count > 0)
        {
            RevisionTotals.Recount(this, recount);
        }

        transaction?.Commit();
        return saved;
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        if (!ChangesReportData())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Every added revision gets its totals row in this same save (docs/decisions/092).
        var recount = RevisionTotals.AddFor(this);

        // The version row is raised first: on SQLite this takes the write lock, and since the raise and the
        // change commit together, no reader can see the change under the old version, whichever process wrote.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await RaiseVersionAsync(ChangesCatalog(), cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (recount.Count > 0)
        {
            await RevisionTotals.RecountAsync(this, recount, cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>Whether the pending changes touch what a report or the dashboard shows.</summary>
    private bool ChangesReportData() => ChangeTracker.Entries().Any(e =>
        e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && e.Entity is AreaEntity or PopulationEntity or TargetEntity or SnapshotRevisionEntity or SnapshotCountEntity or RevisionTotalEntity
            or SignOffEntity or ReportSettingsEntity);

    /// <summary>Whether the pending changes touch the area catalog (areas, populations, targets): what <see cref="DataVersionEntity.Catalog"/> versions.</summary>
    private bool ChangesCatalog() => ChangeTracker.Entries().Any(e =>
        e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && e.Entity is AreaEntity or PopulationEntity or TargetEntity);

    /// <summary>Raises the data version, and the catalog version with it when <paramref name="catalog"/> (docs/decisions/105).</summary>
    private void RaiseVersion(bool catalog)
    {
        if (catalog)
        {
            DataVersion.ExecuteUpdate(v => v.SetProperty(r => r.Value, r => r.Value + 1).SetProperty(r => r.Catalog, r => r.Catalog + 1));
        }
        else
        {
            DataVersion.ExecuteUpdate(v => v.SetProperty(r => r.Value, r => r.Value + 1));
        }
    }

    /// <inheritdoc cref="RaiseVersion(bool)"/>
    private async Task RaiseVersionAsync(bool catalog, CancellationToken cancellationToken)
    {
        if (catalog)
        {
            await DataVersion.ExecuteUpdateAsync(v => v.SetProperty(r => r.Value, r => r.Value + 1).SetProperty(r => r.Catalog, r => r.Catalog + 1), cancellationToken);
        }
        else
        {
            await DataVersion.ExecuteUpdateAsync(v => v.SetProperty(r => r.Value, r => r.Value + 1), cancellationToken);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        StoreProvider.ConfigureModel(builder, Database);
    }

    /// <summary>The audit log is append-only: the app never updates or deletes a row of it.</summary>
    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit rows are append-only.");
        }
    }
}
