using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Postgres.Migrations
{
    /// <summary>
    /// Hand-written: the full-text index of listings (<c>Marketplace.Core.Search.PostgresListingSearch</c>).
    /// <c>marketplace_fold(text)</c> lower-cases and removes accents with <c>translate</c> (immutable, so usable in a
    /// generated column, and no <c>unaccent</c> extension or superuser needed); the generated column
    /// <c>Listings."SearchVector"</c> holds the title and tags (weight A) and description (B) through <c>simple</c>, plus
    /// title and description through <c>english</c> and <c>french</c> (stemming); a GIN index serves <c>@@</c>. It must
    /// stay after the migration adding <c>Listings.Tags</c>.
    /// </summary>
    [DbContext(typeof(PostgresMarketplaceDbContext))]
    [Migration("20261207235900_SearchIndex")]
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION marketplace_fold(value text) RETURNS text
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    SELECT replace(replace(replace(translate(lower(value),
                        'àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǧǩǫǭǰǵǹǻȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳøđħłıŧ',
                        'aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaagkoojgnaaaeeiioorruusthaeooooyodhlit'),
                        'œ', 'oe'), 'æ', 'ae'), 'ß', 'ss')
                $$;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "Listings" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, marketplace_fold("Title" || ' ' || "Tags")), 'A')
                    || setweight(to_tsvector('simple'::regconfig, marketplace_fold(coalesce("Description", ''))), 'B')
                    || to_tsvector('english'::regconfig, marketplace_fold("Title" || ' ' || coalesce("Description", '')))
                    || to_tsvector('french'::regconfig, marketplace_fold("Title" || ' ' || coalesce("Description", '')))
                ) STORED;
                """);
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Listings_SearchVector" ON "Listings" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Listings_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Listings" DROP COLUMN IF EXISTS "SearchVector";""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS marketplace_fold(text);""");
        }
    }
}
