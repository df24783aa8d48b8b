using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ShopPicturesAndPageViews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Avatar_Alt",
                table: "CreatorProfiles",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Avatar_CardKey",
                table: "CreatorProfiles",
                type: "character varying(71)",
                maxLength: 71,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Avatar_CardWidth",
                table: "CreatorProfiles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Avatar_FullHeight",
                table: "CreatorProfiles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Avatar_FullKey",
                table: "CreatorProfiles",
                type: "character varying(71)",
                maxLength: 71,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Avatar_FullWidth",
                table: "CreatorProfiles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Avatar_ThumbnailKey",
                table: "CreatorProfiles",
                type: "character varying(71)",
                maxLength: 71,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Avatar_ThumbnailWidth",
                table: "CreatorProfiles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Banner_Alt",
                table: "CreatorProfiles",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Banner_CardKey",
                table: "CreatorProfiles",
                type: "character varying(71)",
                maxLength: 71,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Banner_CardWidth",
                table: "CreatorProfiles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Banner_FullHeight",
                table: "CreatorProfiles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Banner_FullKey",
                table: "CreatorProfiles",
                type: "character varying(71)",
                maxLength: 71,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Banner_FullWidth",
                table: "CreatorProfiles",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Banner_ThumbnailKey",
                table: "CreatorProfiles",
                type: "character varying(71)",
                maxLength: 71,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Banner_ThumbnailWidth",
                table: "CreatorProfiles",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PageViewDays",
                columns: table => new
                {
                    CreatorProfileId = table.Column<int>(type: "integer", nullable: false),
                    ListingId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Views = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PageViewDays", x => new { x.CreatorProfileId, x.ListingId, x.Day });
                    table.ForeignKey(
                        name: "FK_PageViewDays_CreatorProfiles_CreatorProfileId",
                        column: x => x.CreatorProfileId,
                        principalTable: "CreatorProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PageViewDays_CreatorProfileId_Day",
                table: "PageViewDays",
                columns: new[] { "CreatorProfileId", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PageViewDays");

            migrationBuilder.DropColumn(
                name: "Avatar_Alt",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Avatar_CardKey",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Avatar_CardWidth",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Avatar_FullHeight",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Avatar_FullKey",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Avatar_FullWidth",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Avatar_ThumbnailKey",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Avatar_ThumbnailWidth",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Banner_Alt",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Banner_CardKey",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Banner_CardWidth",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Banner_FullHeight",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Banner_FullKey",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Banner_FullWidth",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Banner_ThumbnailKey",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "Banner_ThumbnailWidth",
                table: "CreatorProfiles");
        }
    }
}
