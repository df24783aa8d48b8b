using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ConnectCountryAndPayoutHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Country",
                table: "CreatorStripeAccounts",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DefaultCurrency",
                table: "CreatorStripeAccounts",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PayoutsHeldSince",
                table: "CreatorStripeAccounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PayoutsPausedReason",
                table: "CreatorStripeAccounts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Country",
                table: "CreatorStripeAccounts");

            migrationBuilder.DropColumn(
                name: "DefaultCurrency",
                table: "CreatorStripeAccounts");

            migrationBuilder.DropColumn(
                name: "PayoutsHeldSince",
                table: "CreatorStripeAccounts");

            migrationBuilder.DropColumn(
                name: "PayoutsPausedReason",
                table: "CreatorStripeAccounts");
        }
    }
}
