using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BluezoneTracker.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<AreaEntity> Areas => Set<AreaEntity>();

    public DbSet<TargetEntity> Targets => Set<TargetEntity>();

    public DbSet<SnapshotRevisionEntity> SnapshotRevisions => Set<SnapshotRevisionEntity>();

    public DbSet<SnapshotCountEntity> SnapshotCounts => Set<SnapshotCountEntity>();

    public DbSet<UploadedFileEntity> UploadedFiles => Set<UploadedFileEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
