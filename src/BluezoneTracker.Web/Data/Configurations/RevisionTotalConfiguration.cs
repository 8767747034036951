using BluezoneTracker.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BluezoneTracker.Web.Data.Configurations;

internal sealed class RevisionTotalConfiguration : IEntityTypeConfiguration<RevisionTotalEntity>
{
    public void Configure(EntityTypeBuilder<RevisionTotalEntity> builder)
    {
        builder.ToTable("RevisionTotals");
        builder.HasKey(t => t.RevisionId);
        builder.Property(t => t.RevisionId).ValueGeneratedNever();

        // Derived from the revision's rows: it goes with its revision.
        builder.HasOne(t => t.Revision).WithOne(r => r.Total).HasForeignKey<RevisionTotalEntity>(t => t.RevisionId).OnDelete(DeleteBehavior.Cascade);
    }
}
