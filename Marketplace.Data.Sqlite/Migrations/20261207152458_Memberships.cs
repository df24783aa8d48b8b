using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Memberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxMembershipTiers",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            // Plans that existed before tiers: the standard ones get the catalogue's limits, an admin's own plan none
            // until the admin sets it (null would mean unlimited).
            migrationBuilder.Sql("UPDATE \"Plans\" SET \"MaxMembershipTiers\" = CASE \"Code\" WHEN 'BRONZE' THEN 1 WHEN 'SILVER' THEN 3 WHEN 'GOLD' THEN 10 WHEN 'PLATINIUM' THEN NULL ELSE 0 END");

            migrationBuilder.CreateTable(
                name: "MembershipTiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatorProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Benefits = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MonthlyAmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    MemberLimit = table.Column<int>(type: "INTEGER", nullable: true),
                    IsVisible = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    StripeProductId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    StripePriceId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipTiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MembershipTiers_CreatorProfiles_CreatorProfileId",
                        column: x => x.CreatorProfileId,
                        principalTable: "CreatorProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatorProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    MembershipTierId = table.Column<int>(type: "INTEGER", nullable: false),
                    StripeSubscriptionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    StripeCustomerId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CurrentPeriodEnd = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelAtPeriodEnd = table.Column<bool>(type: "INTEGER", nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Memberships_CreatorProfiles_CreatorProfileId",
                        column: x => x.CreatorProfileId,
                        principalTable: "CreatorProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Memberships_MembershipTiers_MembershipTierId",
                        column: x => x.MembershipTierId,
                        principalTable: "MembershipTiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MembershipPayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatorProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    StripeInvoiceId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    ApplicationFeeMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MembershipPayments_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipPayments_CreatorProfileId_PaidAt",
                table: "MembershipPayments",
                columns: new[] { "CreatorProfileId", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipPayments_MembershipId",
                table: "MembershipPayments",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipPayments_StripeInvoiceId",
                table: "MembershipPayments",
                column: "StripeInvoiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_CreatorProfileId_Status",
                table: "Memberships",
                columns: new[] { "CreatorProfileId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_MembershipTierId",
                table: "Memberships",
                column: "MembershipTierId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_MemberUserId_CreatorProfileId",
                table: "Memberships",
                columns: new[] { "MemberUserId", "CreatorProfileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_StripeSubscriptionId",
                table: "Memberships",
                column: "StripeSubscriptionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MembershipTiers_CreatorProfileId_IsArchived",
                table: "MembershipTiers",
                columns: new[] { "CreatorProfileId", "IsArchived" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MembershipPayments");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "MembershipTiers");

            migrationBuilder.DropColumn(
                name: "MaxMembershipTiers",
                table: "Plans");
        }
    }
}
