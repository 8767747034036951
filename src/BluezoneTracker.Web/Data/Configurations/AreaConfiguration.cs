using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BluezoneTracker.Web.Data.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<AreaEntity>
{
    public void Configure(EntityTypeBuilder<AreaEntity> builder)
    {
        builder.ToTable("Areas");
        builder.Property(a => a.Code).HasMaxLength(32);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.PopulationSource).HasMaxLength(200);
        builder.Property(a => a.SmartphoneOwnersSource).HasMaxLength(200);
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ParentId);
    }
}
