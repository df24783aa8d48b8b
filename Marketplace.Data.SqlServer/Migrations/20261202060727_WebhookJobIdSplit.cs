using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WebhookJobIdSplit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "JobId",
                table: "StripeWebhookEvents",
                newName: "HangfireJobId");

            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "StripeWebhookEvents",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            // The former JobId held either a Hangfire job id or a claim token (claim:...): the claims move to ClaimToken.
            migrationBuilder.Sql("UPDATE [StripeWebhookEvents] SET [ClaimToken] = [HangfireJobId], [HangfireJobId] = NULL WHERE [HangfireJobId] LIKE 'claim:%';");

            migrationBuilder.CreateIndex(
                name: "IX_StripeWebhookEvents_ClaimToken",
                table: "StripeWebhookEvents",
                column: "ClaimToken");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_StripeWebhookEvents_ClaimToken",
                table: "StripeWebhookEvents");

            // Back to one column: a row's claim token, if any, in JobId.
            migrationBuilder.Sql("UPDATE [StripeWebhookEvents] SET [HangfireJobId] = [ClaimToken] WHERE [ClaimToken] IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "StripeWebhookEvents");

            migrationBuilder.RenameColumn(
                name: "HangfireJobId",
                table: "StripeWebhookEvents",
                newName: "JobId");
        }
    }
}
