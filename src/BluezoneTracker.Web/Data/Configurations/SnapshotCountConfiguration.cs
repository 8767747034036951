using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BluezoneTracker.Web.Data.Configurations;

internal sealed class SnapshotCountConfiguration : IEntityTypeConfiguration<SnapshotCountEntity>
{
    public void Configure(EntityTypeBuilder<SnapshotCountEntity> builder)
    {
        builder.ToTable("SnapshotCounts");
        builder.HasKey(c => new { c.RevisionId, c.AreaId });
        builder.HasOne(c => c.Area).WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.AreaId);
    }
}
