using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Postgres.Migrations
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "RequirementsPastDue",
                table: "CreatorStripeAccounts",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "TransfersCapability",
                table: "CreatorStripeAccounts",
                type: "character varying(32)",
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
