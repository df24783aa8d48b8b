using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RefundsDisputes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApplicationFeeRefundedMinor",
                table: "Orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "DisputeAmountMinor",
                table: "Orders",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisputeEvidenceDueBy",
                table: "Orders",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeReason",
                table: "Orders",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeRetransferId",
                table: "Orders",
                type: "nvarchar(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeStatus",
                table: "Orders",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisputeTransferReversalId",
                table: "Orders",
                type: "nvarchar(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DisputeTransferReversedMinor",
                table: "Orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "LastRefundRequestToken",
                table: "Orders",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RefundFailureReason",
                table: "Orders",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RefundedMinor",
                table: "Orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "StripeDisputeId",
                table: "Orders",
                type: "nvarchar(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TransferReversedMinor",
                table: "Orders",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_Orders_StripeChargeId",
                table: "Orders",
                column: "StripeChargeId");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_StripeDisputeId",
                table: "Orders",
                column: "StripeDisputeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Orders_StripeChargeId",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_StripeDisputeId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ApplicationFeeRefundedMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DisputeAmountMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DisputeEvidenceDueBy",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DisputeReason",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DisputeRetransferId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DisputeStatus",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DisputeTransferReversalId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "DisputeTransferReversedMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "LastRefundRequestToken",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "RefundFailureReason",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "RefundedMinor",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "StripeDisputeId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "TransferReversedMinor",
                table: "Orders");
        }
    }
}
