using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BluezoneTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RevisionTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RevisionTotals",
                columns: table => new
                {
                    RevisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Registrations = table.Column<long>(type: "INTEGER", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevisionTotals", x => x.RevisionId);
                    table.ForeignKey(
                        name: "FK_RevisionTotals_SnapshotRevisions_RevisionId",
                        column: x => x.RevisionId,
                        principalTable: "SnapshotRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RevisionTotals");
        }
    }
}
