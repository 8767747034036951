using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BluezoneTracker.Web.Data.PostgresMigrations
{
    /// <inheritdoc />
    public partial class CatalogVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Catalog",
                table: "DataVersion",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.UpdateData(
                table: "DataVersion",
                keyColumn: "Id",
                keyValue: 1,
                column: "Catalog",
                value: 1L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Catalog",
                table: "DataVersion");
        }
    }
}
