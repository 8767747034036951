using Microsoft.EntityFrameworkCore.Migrations;

namespace BluezoneTracker.Web.Data;

/// <summary>
/// The migrations' hook for the database triggers that refuse any UPDATE or DELETE of audit rows,
/// whoever issues it. The statements are provider-specific and live in <see cref="StoreProvider"/>.
/// </summary>
internal static class AuditTriggers
{
    public static void Create(MigrationBuilder migrationBuilder) => StoreProvider.CreateAuditTriggers(migrationBuilder);

    public static void Drop(MigrationBuilder migrationBuilder) => StoreProvider.DropAuditTriggers(migrationBuilder);
}
