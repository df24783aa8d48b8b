using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdentityLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
