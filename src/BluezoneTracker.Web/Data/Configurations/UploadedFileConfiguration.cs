using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BluezoneTracker.Web.Data.Configurations;

internal sealed class UploadedFileConfiguration : IEntityTypeConfiguration<UploadedFileEntity>
{
    public void Configure(EntityTypeBuilder<UploadedFileEntity> builder)
    {
        builder.ToTable("UploadedFiles");
        builder.HasIndex(f => f.Sha256).IsUnique();
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.FileName).HasMaxLength(260);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.UploadedBy).HasMaxLength(100);
    }
}
