using Marketplace.StripeEmulator.Api;
using System.Text.Json.Nodes;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>The emulator's own parsers, where HTTP tests would be too coarse: bracket notation, search queries, idempotency states.</summary>
public sealed class ParsingTests
{
    private static StripeParams Parse(string form) => new(ParamNode.Parse(FormPairs.Parse(form)));

    [Fact]
    public void Parse_BracketNotation_BuildsNestedHashesAndArrays()
    {
        // Arrange
        var p = Parse("line_items[0][price]=price_1&line_items[1][price]=price_2&line_items[1][quantity]=3&expand[]=a&expand[]=b.c&metadata[k%20x]=v+w");

        // Act
        var lines = p.ObjList("line_items")!;
        var expand = p.StrList("expand");
        var metadata = p.Map("metadata", out _);
        var secondPrice = lines[1].Str("price");
        var secondQuantity = lines[1].Long("quantity");
        var firstPrice = lines[0].Str("price");

        // Assert
        firstPrice.Should().Be("price_1");
        secondPrice.Should().Be("price_2");
        secondQuantity.Should().Be(3);
        expand.Should().Equal("a", "b.c");
        metadata.Should().Equal(new Dictionary<string, string> { ["k x"] = "v w" });
        p.Invoking(x => x.RejectUnknown()).Should().NotThrow();
    }

    [Fact]
    public void RejectUnknown_UnreadNestedLeaf_NamesItsBracketPath()
    {
        // Arrange
        var p = Parse("recurring[interval]=month&recurring[colour]=red");
        p.Obj("recurring")!.Str("interval");

        // Act
        var act = () => p.RejectUnknown();

        // Assert
        act.Should().Throw<StripeApiException>().Which.Param.Should().Be("recurring[colour]");
    }

    [Fact]
    public void Map_EmptyValue_ClearsAll()
    {
        // Arrange
        var p = Parse("metadata=");

        // Act
        var metadata = p.Map("metadata", out var clear);

        // Assert
        clear.Should().BeTrue();
        metadata.Should().BeEmpty();
    }

    [Theory]
    [InlineData("active:'true' OR currency:'eur'", true)]
    [InlineData("active:'false' OR currency:'usd'", false)]
    [InlineData("-currency:'usd'", true)]
    [InlineData("created>100 AND created<=200", true)]
    [InlineData("created>200", false)]
    [InlineData("metadata[\"plan\"]:\"gold\"", true)]
    [InlineData("lookup_key~'gol'", true)]
    [InlineData("lookup_key:null", false)]
    public void SearchQuery_Clauses_MatchAsStripeDocuments(string query, bool expected)
    {
        // Arrange
        var price = new JsonObject
        {
            ["active"] = true, ["currency"] = "eur", ["created"] = 150, ["lookup_key"] = "gold_monthly",
            ["metadata"] = new JsonObject { ["plan"] = "gold" },
        };
        var fields = new HashSet<string> { "active", "currency", "created", "lookup_key" };

        // Act
        var matches = SearchQuery.Parse(query, fields).Matches(price);

        // Assert
        matches.Should().Be(expected);
    }

    [Fact]
    public void Idempotency_SameKeyWhileFirstInFlight_Throws409()
    {
        // Arrange
        var cache = new IdempotencyCache(10);
        cache.BeginOrReplay(null, "k", "POST /v1/customers|email=a", 0);

        // Act
        var act = () => cache.BeginOrReplay(null, "k", "POST /v1/customers|email=a", 1);

        // Assert
        act.Should().Throw<StripeApiException>().Which.Status.Should().Be(409);
    }

    [Fact]
    public void Idempotency_BeyondCapacity_ForgetsOldestKey()
    {
        // Arrange
        var cache = new IdempotencyCache(2);
        foreach (var key in new[] { "a", "b", "c" })
        {
            cache.BeginOrReplay(null, key, "f", 0);
            cache.Complete(null, key, 200, "{}");
        }

        // Act
        var forgotten = cache.BeginOrReplay(null, "a", "other", 1);
        var kept = cache.BeginOrReplay(null, "c", "f", 1);

        // Assert
        forgotten.Should().BeNull();
        kept!.Body.Should().Be("{}");
    }
}
