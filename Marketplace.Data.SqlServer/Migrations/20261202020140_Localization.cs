using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.SqlServer.Migrations
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
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameFr",
                table: "Plans",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // The seeded descriptions that advertised the two removed capabilities (an admin's own text is left alone).
            migrationBuilder.Sql("UPDATE Plans SET Description = 'A 14-day free trial and a lower commission.' WHERE Code = 'GOLD' AND Description = 'Your own domain and a 14-day free trial.'");
            migrationBuilder.Sql("UPDATE Plans SET Description = 'Unlimited listings and the lowest commission.' WHERE Code = 'PLATINIUM' AND Description = 'Unlimited listings, the lowest commission, priority support.'");
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
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "PrioritySupport",
                table: "Plans",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }
    }
}
