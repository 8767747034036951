using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BluezoneTracker.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class UploadedFiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UploadedFileId",
                table: "SnapshotRevisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UploadedFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UploadedFiles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotRevisions_UploadedFileId",
                table: "SnapshotRevisions",
                column: "UploadedFileId");

            migrationBuilder.CreateIndex(
                name: "IX_UploadedFiles_Sha256",
                table: "UploadedFiles",
                column: "Sha256",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_SnapshotRevisions_UploadedFiles_UploadedFileId",
                table: "SnapshotRevisions",
                column: "UploadedFileId",
                principalTable: "UploadedFiles",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SnapshotRevisions_UploadedFiles_UploadedFileId",
                table: "SnapshotRevisions");

            migrationBuilder.DropTable(
                name: "UploadedFiles");

            migrationBuilder.DropIndex(
                name: "IX_SnapshotRevisions_UploadedFileId",
                table: "SnapshotRevisions");

            migrationBuilder.DropColumn(
                name: "UploadedFileId",
                table: "SnapshotRevisions");
        }
    }
}
