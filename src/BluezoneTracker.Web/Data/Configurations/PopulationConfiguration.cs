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

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersionEntity>
{
    public void Configure(EntityTypeBuilder<DataVersionEntity> builder)
    {
        builder.ToTable("DataVersion");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersionEntity { Id = DataVersionEntity.SingleId, Value = 1 });
    }
}
