using BluezoneTracker.Web.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<AreaEntity> Areas => Set<AreaEntity>();

    public DbSet<TargetEntity> Targets => Set<TargetEntity>();

    public DbSet<SnapshotRevisionEntity> SnapshotRevisions => Set<SnapshotRevisionEntity>();

    public DbSet<SnapshotCountEntity> SnapshotCounts => Set<SnapshotCountEntity>();

    public DbSet<UploadedFileEntity> UploadedFiles => Set<UploadedFileEntity>();

    public DbSet<SignOffEntity> SignOffs => Set<SignOffEntity>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();

    public DbSet<ReportSettingsEntity> ReportSettings => Set<ReportSettingsEntity>();

    /// <summary>Data-protection keys, so that sign-in cookies survive restarts and work across instances.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
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
