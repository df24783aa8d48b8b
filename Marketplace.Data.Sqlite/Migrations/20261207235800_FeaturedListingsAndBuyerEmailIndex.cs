using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FeaturedListingsAndBuyerEmailIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FeaturedRank",
                table: "ListingModerations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BuyerEmailLower",
                table: "Orders",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            // Orders placed before this column existed: the same lower-case copy the code keeps from now on.
            migrationBuilder.Sql("UPDATE \"Orders\" SET \"BuyerEmailLower\" = lower(\"BuyerEmail\") WHERE \"BuyerEmail\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BuyerEmailLower",
                table: "Orders",
                column: "BuyerEmailLower");

            migrationBuilder.CreateIndex(
                name: "IX_ListingModerations_FeaturedRank",
                table: "ListingModerations",
                column: "FeaturedRank");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_BuyerEmailLower",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_ListingModerations_FeaturedRank",
                table: "ListingModerations");

            migrationBuilder.DropColumn(
                name: "BuyerEmailLower",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "FeaturedRank",
                table: "ListingModerations");
        }
    }
}
