using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BluezoneTracker.Web.Data.Configurations;

internal sealed class PendingUploadConfiguration : IEntityTypeConfiguration<PendingUploadEntity>
{
    public void Configure(EntityTypeBuilder<PendingUploadEntity> builder)
    {
        builder.ToTable("PendingUploads");
        builder.HasKey(p => p.Token);
        builder.Property(p => p.Token).HasMaxLength(32);
        builder.Property(p => p.Owner).HasMaxLength(256);
        builder.Property(p => p.Date).HasMaxLength(64);
        builder.Property(p => p.FileName).HasMaxLength(260);

        // Expired rows are found and removed by time (on SQLite stored as UTC ticks: StoreProvider.ConfigureModel).
        builder.HasIndex(p => p.ExpiresAt);
    }
}
