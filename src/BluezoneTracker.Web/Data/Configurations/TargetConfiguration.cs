using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BluezoneTracker.Web.Data.Configurations;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<TargetEntity>
{
    public void Configure(EntityTypeBuilder<TargetEntity> builder)
    {
        builder.ToTable("Targets");
        builder.Property(t => t.Share).HasPrecision(9, 6);
        builder.Property(t => t.Basis).HasConversion<string>().HasMaxLength(40);
        builder.HasOne(t => t.Area).WithMany().HasForeignKey(t => t.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.HasIndex(t => new { t.AreaId, t.EffectiveFrom });
    }
}
