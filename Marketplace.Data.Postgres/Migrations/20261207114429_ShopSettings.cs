using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ShopSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Bio",
                table: "CreatorProfiles",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "CreatorProfiles",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FreePlanKeptAt",
                table: "CreatorProfiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefundPolicy",
                table: "CreatorProfiles",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ShopSharedAt",
                table: "CreatorProfiles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ShowContactEmail",
                table: "CreatorProfiles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<List<string>>(
                name: "SocialLinks",
                table: "CreatorProfiles",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "WebsiteUrl",
                table: "CreatorProfiles",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FormerSlugs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CreatorProfileId = table.Column<int>(type: "integer", nullable: false),
                    Slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormerSlugs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormerSlugs_CreatorProfiles_CreatorProfileId",
                        column: x => x.CreatorProfileId,
                        principalTable: "CreatorProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FormerSlugs_CreatorProfileId",
                table: "FormerSlugs",
                column: "CreatorProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_FormerSlugs_Slug",
                table: "FormerSlugs",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FormerSlugs");

            migrationBuilder.DropColumn(
                name: "Bio",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "FreePlanKeptAt",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "RefundPolicy",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "ShopSharedAt",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "ShowContactEmail",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "SocialLinks",
                table: "CreatorProfiles");

            migrationBuilder.DropColumn(
                name: "WebsiteUrl",
                table: "CreatorProfiles");
        }
    }
}
