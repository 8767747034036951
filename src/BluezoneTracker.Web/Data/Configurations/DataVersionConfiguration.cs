using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BluezoneTracker.Web.Data.Configurations;

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersionEntity>
{
    public void Configure(EntityTypeBuilder<DataVersionEntity> builder)
    {
        builder.ToTable("DataVersion");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersionEntity { Id = DataVersionEntity.SingleId, Value = 1, Catalog = 1 });
    }
}
