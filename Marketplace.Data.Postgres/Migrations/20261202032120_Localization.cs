using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Localization : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CustomDomain",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PrioritySupport",
                table: "Plans");

            migrationBuilder.AddColumn<string>(
                name: "DescriptionFr",
                table: "Plans",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameFr",
                table: "Plans",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DescriptionFr",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "NameFr",
                table: "Plans");

            migrationBuilder.AddColumn<bool>(
                name: "CustomDomain",
                table: "Plans",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PrioritySupport",
                table: "Plans",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }
    }
}
