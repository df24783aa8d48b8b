using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MembershipNumbers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "EndedAt",
                table: "Memberships",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Interval",
                table: "Memberships",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "Month");

            migrationBuilder.AddColumn<DateTime>(
                name: "StartedAt",
                table: "Memberships",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "Interval",
                table: "Memberships");

            migrationBuilder.DropColumn(
                name: "StartedAt",
                table: "Memberships");
        }
    }
}
