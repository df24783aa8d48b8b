using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Orders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeliveryNote",
                table: "Listings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Orders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublicToken = table.Column<string>(type: "TEXT", maxLength: 22, nullable: false),
                    ListingId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatorProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    ListingTitle = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CommissionRateBps = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationFeeMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    BuyerKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BuyerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    BuyerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StripeCheckoutSessionId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CheckoutUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    CheckoutExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StripePaymentIntentId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    StripeChargeId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    StripeTransferId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    StripeApplicationFeeId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    StripeFeeMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    PlatformNetMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceiptUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Orders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Orders_CreatorProfiles_CreatorProfileId",
                        column: x => x.CreatorProfileId,
                        principalTable: "CreatorProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Orders_Listings_ListingId",
                        column: x => x.ListingId,
                        principalTable: "Listings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BuyerKey_ListingId_Status",
                table: "Orders",
                columns: new[] { "BuyerKey", "ListingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BuyerUserId_CreatedAt",
                table: "Orders",
                columns: new[] { "BuyerUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_CreatorProfileId_CreatedAt",
                table: "Orders",
                columns: new[] { "CreatorProfileId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ListingId",
                table: "Orders",
                column: "ListingId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_PublicToken",
                table: "Orders",
                column: "PublicToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_Status_PaidAt",
                table: "Orders",
                columns: new[] { "Status", "PaidAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_StripeCheckoutSessionId",
                table: "Orders",
                column: "StripeCheckoutSessionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Orders");

            migrationBuilder.DropColumn(
                name: "DeliveryNote",
                table: "Listings");
        }
    }
}
