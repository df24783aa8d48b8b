using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Postgres.Migrations
{
    /// <summary>
    /// The standard plan coded <c>PLATINIUM</c> (the seeds' code, unchanged) is named "Platinum" in English; a name an admin
    /// changed is left as it is. Data only: the model does not change.
    /// </summary>
    [DbContext(typeof(PostgresMarketplaceDbContext))]
    [Migration("20261207140500_PlatinumName")]
    public partial class PlatinumName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Plans\" SET \"Name\" = 'Platinum' WHERE \"Code\" = 'PLATINIUM' AND \"Name\" = 'Platinium'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"Plans\" SET \"Name\" = 'Platinium' WHERE \"Code\" = 'PLATINIUM' AND \"Name\" = 'Platinum'");
        }
    }
}
