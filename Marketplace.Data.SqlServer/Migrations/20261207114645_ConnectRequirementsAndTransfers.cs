using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ConnectRequirementsAndTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RequirementsDeadline",
                table: "CreatorStripeAccounts",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequirementsPastDue",
                table: "CreatorStripeAccounts",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "TransfersCapability",
                table: "CreatorStripeAccounts",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequirementsDeadline",
                table: "CreatorStripeAccounts");

            migrationBuilder.DropColumn(
                name: "RequirementsPastDue",
                table: "CreatorStripeAccounts");

            migrationBuilder.DropColumn(
                name: "TransfersCapability",
                table: "CreatorStripeAccounts");
        }
    }
}
