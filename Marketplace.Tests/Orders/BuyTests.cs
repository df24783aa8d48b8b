using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Orders;
using Marketplace.Core.Plans;
using Marketplace.Core.Subscriptions;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Orders;

/// <summary>
/// Buy on the storefront through the real pipeline: the app on Kestrel, its Stripe.net client against the emulator,
/// whose request log shows exactly what was (or was not) sent to Stripe.
/// </summary>
public sealed partial class BuyTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    [Fact]
    public async Task Buy_AnonymousVisitorOnSilver_303ToADestinationChargeSessionAsTheIssueSays()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        visitor.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-BE, en;q=0.5");
        var since = DateTimeOffset.UtcNow;

        var response = await visitor.BuyAsync(shop);

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var order = (await app.OrdersOfAsync(shop.CreatorId)).Single();
        (order.Status, order.AmountMinor, order.Currency, order.CommissionRateBps, order.ApplicationFeeMinor, order.ListingTitle)
            .Should().Be((OrderStatus.Pending, 2500L, "eur", 1000, 250L, "Poster A2"));
        order.PublicToken.Should().HaveLength(22);
        order.BuyerUserId.Should().BeNull();
        var create = app.RequestsSince(since).Single(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions");
        create.Status.Should().Be(200);
        create.IdempotencyKey.Should().Be($"checkout:order:{order.PublicToken}");
        var id = order.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var expected = new Dictionary<string, string>
        {
            ["mode"] = "payment",
            ["line_items[0][quantity]"] = "1",
            ["line_items[0][price_data][currency]"] = "eur",
            ["line_items[0][price_data][unit_amount]"] = "2500",
            ["line_items[0][price_data][product_data][name]"] = "Poster A2",
            ["payment_intent_data[transfer_data][destination]"] = shop.AccountId,
            ["payment_intent_data[application_fee_amount]"] = "250",
            ["payment_intent_data[statement_descriptor_suffix]"] = "Poster Sho", // "Poster Shop" within 22 − 10 (longest prefix) − 2
            ["payment_intent_data[metadata][order_id]"] = id,
            ["payment_intent_data[metadata][listing_id]"] = shop.ListingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["payment_intent_data[metadata][creator_id]"] = shop.CreatorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["metadata[order_id]"] = id,
            ["metadata[listing_id]"] = shop.ListingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["metadata[creator_id]"] = shop.CreatorId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["client_reference_id"] = id,
            ["locale"] = "fr",
        };
        foreach (var (key, value) in expected) create.Param(key).Should().Be(value, key);
        create.Param("customer_email").Should().BeNull("Checkout collects a visitor's email");
        create.Param("success_url").Should().EndWith($"/orders/{order.PublicToken}/checkout/success?session_id={{CHECKOUT_SESSION_ID}}");
        create.Param("cancel_url").Should().EndWith($"{shop.ListingPage}?checkout=cancelled");
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(create.Param("expires_at")!, System.Globalization.CultureInfo.InvariantCulture));
        expiresAt.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(31), TimeSpan.FromMinutes(1), "30 minutes ahead, with a minute of slack over Stripe's floor");
        response.Headers.Location!.ToString().Should().Be(order.CheckoutUrl);
        order.StripeCheckoutSessionId.Should().StartWith("cs_");
    }

    [Fact]
    public async Task Buy_SecondClickSameBrowser_ReusesThePendingOrderAndItsSession()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        using var otherVisitor = app.Visitor();

        var first = await visitor.BuyAsync(shop);
        var second = await visitor.BuyAsync(shop);
        var otherBrowser = await otherVisitor.BuyAsync(shop);

        second.Headers.Location.Should().Be(first.Headers.Location);
        otherBrowser.Headers.Location.Should().NotBe(first.Headers.Location, "another browser is another buyer");
        (await app.OrdersOfAsync(shop.CreatorId)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Buy_TenConcurrentClicks_OneOrderAndOneCheckoutSession()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        var page = await visitor.Client.GetStringAsync(shop.ListingPage);
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        var since = DateTimeOffset.UtcNow;

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            visitor.Client.PostAsync(shop.ListingPage + "/buy", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.SeeOther);
        responses.Select(r => r.Headers.Location!.ToString()).Distinct().Should().ContainSingle();
        (await app.OrdersOfAsync(shop.CreatorId)).Should().ContainSingle();
        app.RequestsSince(since).Count(r => r.Method == "POST" && r.Path == "/v1/checkout/sessions").Should().Be(1);
    }

    /// <summary>Each reason the payment guard can fail, applied to our tables as the Connect or Billing webhooks would.</summary>
    public static TheoryData<string> GuardFailures() =>
        ["no account", "charges disabled", "payouts disabled", "details not submitted", "requirements past due", "transfers inactive", "deauthorized", "suspended", "past due"];

    [Theory]
    [MemberData(nameof(GuardFailures))]
    public async Task Buy_ShopCannotTakePayments_RefusedWithNoStripeRequest(string reason)
    {
        using var shop = await app.ShopAsync();
        await app.ChangeCreatorAsync(shop.CreatorId, (creator, db) =>
        {
            var account = creator.StripeAccount!;
            var now = DateTime.UtcNow;
            switch (reason)
            {
                case "no account": db.CreatorStripeAccounts.Remove(account); break;
                case "charges disabled": account.ApplyStripeAccount(false, true, true, [], null, now); break;
                case "payouts disabled": account.ApplyStripeAccount(true, false, true, [], null, now); break;
                case "details not submitted": account.ApplyStripeAccount(true, true, false, [], null, now); break;
                case "requirements past due": account.ApplyStripeAccount(true, true, true, ["external_account"], null, now, null, ["external_account"]); break;
                case "transfers inactive": account.ApplyStripeAccount(true, true, true, [], null, now, null, [], null, "inactive"); break;
                case "deauthorized": account.MarkDeauthorized(now); break;
                case "suspended": creator.Suspend(); break;
                case "past due":
                    var price = db.PlanPrices.Include(p => p.Plan).Single(p => p.Id == creator.Subscription!.PlanPriceId);
                    var free = db.Plans.Single(p => p.Code == PlanCodes.Free);
                    creator.Subscription!.ApplyStripeSubscription(new StripeSubscriptionSnapshot(creator.Subscription.StripeSubscriptionId!,
                        creator.Subscription.StripeCustomerId!, SubscriptionStatus.PastDue, now, now.AddMonths(1), false, null), price, free, null, now);
                    break;
            }
        });
        using var visitor = app.Visitor();
        var page = await visitor.Client.GetAsync(shop.ListingPage);
        page.StatusCode.Should().Be(HttpStatusCode.OK, "the listing is still shown");
        var since = DateTimeOffset.UtcNow;

        var response = await visitor.BuyAsync(shop);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("This shop cannot take payments right now");
        app.RequestsSince(since).Should().BeEmpty("the guard runs before any Stripe call");
        (await app.OrdersOfAsync(shop.CreatorId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Buy_HiddenInactiveOrAnotherCreatorsListing_404WithNoStripeRequest()
    {
        using var shop = await app.ShopAsync();
        using var otherShop = await app.ShopAsync();
        for (var i = 2; i <= 5; i++) (await shop.Creator.CreateListingAsync($"Extra {i}", "10.00")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var hidden = await app.ListingIdAsync(shop.CreatorId, "Extra 5");
        await app.MovePlanAsync(shop.CreatorId, PlanCodes.Free); // Free shows 3 active listings: Extra 5 is hidden once Extra 2 is off
        await shop.Creator.SubmitFormAsync("/creator/listings", new Dictionary<string, string>(), $"/creator/listings/{await app.ListingIdAsync(shop.CreatorId, "Extra 2")}/deactivate");
        var inactive = await app.ListingIdAsync(shop.CreatorId, "Extra 2");
        using var visitor = app.Visitor();
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(await visitor.Client.GetStringAsync(shop.ListingPage)).Groups[1].Value);
        var since = DateTimeOffset.UtcNow;

        var answers = new List<HttpStatusCode>();
        foreach (var path in new[] { $"/c/{shop.Slug}/{hidden}", $"/c/{shop.Slug}/{inactive}", $"/c/{shop.Slug}/{otherShop.ListingId}", $"/c/{shop.Slug}/999999" })
        {
            answers.Add((await visitor.Client.GetAsync(path)).StatusCode);
            answers.Add((await visitor.Client.PostAsync(path + "/buy", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]))).StatusCode);
        }

        answers.Should().OnlyContain(s => s == HttpStatusCode.NotFound);
        app.RequestsSince(since).Should().BeEmpty();
    }

    [Fact]
    public async Task Buy_CreatorOnTheirOwnListing_403WithNoStripeRequest()
    {
        using var shop = await app.ShopAsync();
        var page = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync(shop.ListingPage));
        page.Should().Contain("This is your own listing");
        var since = DateTimeOffset.UtcNow;

        var response = await shop.Creator.SubmitFormAsync("/creator/listings", new Dictionary<string, string>(), shop.ListingPage + "/buy");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        app.RequestsSince(since).Should().BeEmpty();
        (await app.OrdersOfAsync(shop.CreatorId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Buy_SignedInBuyer_EmailSentAsCustomerEmailAndOrderInPurchases()
    {
        using var shop = await app.ShopAsync();
        using var buyer = app.NewBrowser();
        var email = $"buyer{Guid.NewGuid():N}@example.com";
        await buyer.RegisterCreatorAsync(email, "A buyer who also sells");
        var since = DateTimeOffset.UtcNow;

        var response = await buyer.BuyAsync(shop);

        response.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        app.RequestsSince(since).Single(r => r.Path == "/v1/checkout/sessions").Param("customer_email").Should().Be(email);
        var order = (await app.OrdersOfAsync(shop.CreatorId)).Single();
        order.BuyerEmail.Should().Be(email);
        order.BuyerUserId.Should().NotBeNull();
        var purchases = WebUtility.HtmlDecode(await buyer.Client.GetStringAsync("/purchases"));
        purchases.Should().Contain("Poster A2").And.Contain($"/orders/{order.PublicToken}").And.Contain("Awaiting payment");
    }

    [Fact]
    public async Task Buy_StripeRefusesTheAmount_ClearPageAndNoOrder()
    {
        using var shop = await app.ShopAsync();
        var cheap = await app.StoreListingAsync(shop.CreatorId, "Sticker", 10, "eur"); // below Stripe's 0.50 EUR, stored before the form checked it
        var cheapShop = shop with { ListingId = cheap };
        using var visitor = app.Visitor();

        var response = await visitor.BuyAsync(cheapShop);

        response.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Should().Contain("below the smallest amount our payment provider can charge");
        (await app.OrdersOfAsync(shop.CreatorId)).Should().BeEmpty("nothing exists at Stripe, so no order is kept");
    }

    [Fact]
    public async Task Buy_StripeUnreachableThenClickAgain_503ThenTheSameOrderRetriedWithTheSameIdempotencyKey()
    {
        using var shop = await app.ShopAsync();
        using var visitor = app.Visitor();
        var since = DateTimeOffset.UtcNow;
        // Every call fails until cleared: the Buy call and Stripe.net's retries (a background webhook refetch taking one of
        // a fixed number of planned failures made this test pass the first click now and then).
        app.Emulator.FailNextApiCalls(app.ApiKey, 500, 1000);

        var failed = await visitor.BuyAsync(shop);
        app.Emulator.FailNextApiCalls(app.ApiKey, 500, 0);
        var retried = await visitor.BuyAsync(shop);

        failed.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        WebUtility.HtmlDecode(await failed.Content.ReadAsStringAsync()).Should().Contain("you have not been charged");
        retried.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var order = (await app.OrdersOfAsync(shop.CreatorId)).Should().ContainSingle().Subject;
        order.StripeCheckoutSessionId.Should().NotBeNull();
        var keys = app.RequestsSince(since).Where(r => r.Path == "/v1/checkout/sessions").Select(r => r.IdempotencyKey).ToList();
        keys.Should().HaveCountGreaterThan(1).And.OnlyContain(k => k == $"checkout:order:{order.PublicToken}");
    }

    [Fact]
    public async Task CreateListing_BelowStripesMinimum_SameFormWithTheMinimum()
    {
        using var shop = await app.ShopAsync();

        var euro = await shop.Creator.CreateListingAsync("Tiny", "0.49", "eur");
        var franc = await shop.Creator.CreateListingAsync("Tiny franc", "300", "xaf");

        euro.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await euro.Content.ReadAsStringAsync()).Should().Contain("Stripe's minimum charge in EUR is €0.50");
        WebUtility.HtmlDecode(await franc.Content.ReadAsStringAsync()).Should().Contain("minimum charge in XAF is FCFA\u00A0350");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
