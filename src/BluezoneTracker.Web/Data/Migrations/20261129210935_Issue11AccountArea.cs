using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BluezoneTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Issue11AccountArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQLite cannot add a foreign key to an existing table without rebuilding it (EF then copies the
            // table around the statements below and warns that they run while the rebuild is pending). A column
            // added together with its REFERENCES clause needs no rebuild; the model snapshot keeps the same key.
            migrationBuilder.Sql("ALTER TABLE \"AspNetUsers\" ADD COLUMN \"AreaId\" INTEGER NULL CONSTRAINT \"FK_AspNetUsers_Areas_AreaId\" REFERENCES \"Areas\" (\"Id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AreaId",
                table: "AspNetUsers",
                column: "AreaId");

            // Accounts made before #11 keep what they could do: they work in the top area of the tree.
            migrationBuilder.Sql("UPDATE AspNetUsers SET AreaId = (SELECT Id FROM Areas WHERE ParentId IS NULL ORDER BY Id LIMIT 1) WHERE AreaId IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Areas_AreaId",
                table: "AspNetUsers");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_AreaId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AreaId",
                table: "AspNetUsers");
        }
    }
}
