using Marketplace.Core.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Data.Sqlite.Migrations
{
    /// <summary>
    /// Hand-written: the FTS5 index of listings (<c>Marketplace.Core.Search.SqliteListingSearch</c>). The virtual table
    /// <c>ListingSearch</c> (rowid = listing id) holds each listing's title, description, tags and shop name, folded by the
    /// <c>unicode61</c> tokenizer with <c>remove_diacritics 2</c>; triggers on <c>Listings</c> and <c>CreatorProfiles</c>
    /// keep it in step inside the transaction of every write. It must stay after the migration adding
    /// <c>Listings.Tags</c>; a later migration that rebuilds <c>Listings</c> or <c>CreatorProfiles</c> (SQLite's way of
    /// altering a column) drops these triggers and must create them again (a test checks they exist).
    /// </summary>
    [DbContext(typeof(SqliteMarketplaceDbContext))]
    [Migration("20261207235900_SearchIndex")]
    public partial class SearchIndex : Migration
    {
        private const string Row = """
            SELECT new."Id", new."Title", coalesce(new."Description", ''), new."Tags", c."DisplayName"
            FROM "CreatorProfiles" c WHERE c."Id" = new."CreatorProfileId"
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ListingSearch" USING fts5(title, description, tags, shop, tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ListingSearch"(rowid, title, description, tags, shop)
                SELECT l."Id", l."Title", coalesce(l."Description", ''), l."Tags", c."DisplayName"
                FROM "Listings" l JOIN "CreatorProfiles" c ON c."Id" = l."CreatorProfileId";
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ListingSearch_Insert" AFTER INSERT ON "Listings" BEGIN
                    INSERT INTO "ListingSearch"(rowid, title, description, tags, shop) {Row};
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "ListingSearch_Update" AFTER UPDATE OF "Title", "Description", "Tags", "CreatorProfileId" ON "Listings" BEGIN
                    DELETE FROM "ListingSearch" WHERE rowid = old."Id";
                    INSERT INTO "ListingSearch"(rowid, title, description, tags, shop) {Row};
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ListingSearch_Delete" AFTER DELETE ON "Listings" BEGIN
                    DELETE FROM "ListingSearch" WHERE rowid = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "ListingSearch_Shop" AFTER UPDATE OF "DisplayName" ON "CreatorProfiles" BEGIN
                    UPDATE "ListingSearch" SET shop = new."DisplayName" WHERE rowid IN (SELECT "Id" FROM "Listings" WHERE "CreatorProfileId" = new."Id");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ListingSearch_Shop";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ListingSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ListingSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "ListingSearch_Insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ListingSearch";""");
        }
    }
}
