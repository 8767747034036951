using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BluezoneTracker.Web.Data.Configurations;

internal sealed class SnapshotRevisionConfiguration : IEntityTypeConfiguration<SnapshotRevisionEntity>
{
    public void Configure(EntityTypeBuilder<SnapshotRevisionEntity> builder)
    {
        builder.ToTable("SnapshotRevisions");
        builder.HasIndex(r => new { r.AreaId, r.Date, r.Number }).IsUnique();
        builder.Property(r => r.CreatedBy).HasMaxLength(100);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.HasOne(r => r.Area).WithMany().HasForeignKey(r => r.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.UploadedFile).WithMany().HasForeignKey(r => r.UploadedFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Counts).WithOne().HasForeignKey(c => c.RevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
