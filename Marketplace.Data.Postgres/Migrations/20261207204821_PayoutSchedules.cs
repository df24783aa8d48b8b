using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PayoutSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OwnPayoutDelayDays",
                table: "CreatorStripeAccounts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnPayoutInterval",
                table: "CreatorStripeAccounts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OwnPayoutMonthlyAnchor",
                table: "CreatorStripeAccounts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnPayoutWeeklyAnchor",
                table: "CreatorStripeAccounts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlatformPayoutSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Interval = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WeeklyAnchor = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    MonthlyAnchor = table.Column<int>(type: "integer", nullable: true),
                    DelayDays = table.Column<int>(type: "integer", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Cursor = table.Column<int>(type: "integer", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatformPayoutSchedules", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlatformPayoutSchedules");

            migrationBuilder.DropColumn(
                name: "OwnPayoutDelayDays",
                table: "CreatorStripeAccounts");

            migrationBuilder.DropColumn(
                name: "OwnPayoutInterval",
                table: "CreatorStripeAccounts");

            migrationBuilder.DropColumn(
                name: "OwnPayoutMonthlyAnchor",
                table: "CreatorStripeAccounts");

            migrationBuilder.DropColumn(
                name: "OwnPayoutWeeklyAnchor",
                table: "CreatorStripeAccounts");
        }
    }
}
