using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnPayoutInterval",
                table: "CreatorStripeAccounts",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OwnPayoutMonthlyAnchor",
                table: "CreatorStripeAccounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnPayoutWeeklyAnchor",
                table: "CreatorStripeAccounts",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlatformPayoutSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Interval = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WeeklyAnchor = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    MonthlyAnchor = table.Column<int>(type: "INTEGER", nullable: true),
                    DelayDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Cursor = table.Column<int>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
