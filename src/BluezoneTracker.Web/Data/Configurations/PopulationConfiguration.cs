using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BluezoneTracker.Web.Data.Configurations;

internal sealed class PopulationConfiguration : IEntityTypeConfiguration<PopulationEntity>
{
    public void Configure(EntityTypeBuilder<PopulationEntity> builder)
    {
        builder.ToTable("Populations");
        builder.Property(p => p.PopulationSource).HasMaxLength(200);
        builder.Property(p => p.SmartphoneOwnersSource).HasMaxLength(200);
        builder.Property(p => p.RecordedBy).HasMaxLength(256);
        builder.HasOne(p => p.Area).WithMany().HasForeignKey(p => p.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.AreaId, p.EffectiveFrom });
    }
}
