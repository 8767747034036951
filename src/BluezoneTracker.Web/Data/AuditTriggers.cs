using Microsoft.EntityFrameworkCore.Migrations;

namespace BluezoneTracker.Web.Data;

/// <summary>SQLite triggers that refuse any UPDATE or DELETE of audit rows, whoever issues it.</summary>
internal static class AuditTriggers
{
    public static void Create(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("CREATE TRIGGER AuditLog_NoUpdate BEFORE UPDATE ON AuditLog BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
        migrationBuilder.Sql("CREATE TRIGGER AuditLog_NoDelete BEFORE DELETE ON AuditLog BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;");
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditLog_NoUpdate;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditLog_NoDelete;");
    }
}
