using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BluezoneTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PopulationHistorySignedAnnexDataVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Targets_AreaId",
                table: "Targets");

            migrationBuilder.DropIndex(
                name: "IX_SignOffs_RevisionId",
                table: "SignOffs");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "Targets",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "Targets",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "EffectiveFrom",
                table: "Targets",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "Annex",
                table: "SignOffs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataVersion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataVersion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Populations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Population = table.Column<long>(type: "INTEGER", nullable: true),
                    PopulationYear = table.Column<int>(type: "INTEGER", nullable: true),
                    PopulationSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SmartphoneOwners = table.Column<long>(type: "INTEGER", nullable: true),
                    SmartphoneOwnersYear = table.Column<int>(type: "INTEGER", nullable: true),
                    SmartphoneOwnersSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Populations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Populations_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "DataVersion",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 1L });

            migrationBuilder.CreateIndex(
                name: "IX_Targets_AreaId_EffectiveFrom",
                table: "Targets",
                columns: new[] { "AreaId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_RevisionId",
                table: "SignOffs",
                column: "RevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Populations_AreaId_EffectiveFrom",
                table: "Populations",
                columns: new[] { "AreaId", "EffectiveFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataVersion");

            migrationBuilder.DropTable(
                name: "Populations");

            migrationBuilder.DropIndex(
                name: "IX_Targets_AreaId_EffectiveFrom",
                table: "Targets");

            migrationBuilder.DropIndex(
                name: "IX_SignOffs_RevisionId",
                table: "SignOffs");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "EffectiveFrom",
                table: "Targets");

            migrationBuilder.DropColumn(
                name: "Annex",
                table: "SignOffs");

            migrationBuilder.CreateIndex(
                name: "IX_Targets_AreaId",
                table: "Targets",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_SignOffs_RevisionId",
                table: "SignOffs",
                column: "RevisionId",
                unique: true);
        }
    }
}
