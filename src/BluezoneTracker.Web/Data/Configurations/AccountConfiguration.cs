using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BluezoneTracker.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);

        // An area with accounts cannot be deleted from under them.
        builder.HasOne(u => u.Area).WithMany().HasForeignKey(u => u.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");

        // How At is stored differs by provider (UTC ticks on SQLite, timestamptz on PostgreSQL): StoreProvider.ConfigureModel.
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.Kind).HasMaxLength(64);
        builder.Property(a => a.Subject).HasMaxLength(256);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Kind, a.At });
    }
}

internal sealed class SignOffConfiguration : IEntityTypeConfiguration<SignOffEntity>
{
    public void Configure(EntityTypeBuilder<SignOffEntity> builder)
    {
        builder.ToTable("SignOffs");
        builder.Property(s => s.SignedBy).HasMaxLength(256);
        builder.Property(s => s.SignedByName).HasMaxLength(200);
        builder.HasOne(s => s.Revision).WithMany().HasForeignKey(s => s.RevisionId).OnDelete(DeleteBehavior.Restrict);
        // A revision may be signed again when its annex changed (a population, a target, a setting).
        builder.HasIndex(s => s.RevisionId);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiTokenEntity>
{
    public void Configure(EntityTypeBuilder<ApiTokenEntity> builder)
    {
        builder.ToTable("ApiTokens");
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportSettingsConfiguration : IEntityTypeConfiguration<ReportSettingsEntity>
{
    public void Configure(EntityTypeBuilder<ReportSettingsEntity> builder)
    {
        builder.ToTable("ReportSettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Json).HasMaxLength(8000);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
    }
}
