using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Core.Amounts;
using Marketplace.Core.Disputes;
using Marketplace.Core.Orders;
using Marketplace.StripeEmulator.Api;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Stripe;
using static Microsoft.Playwright.Assertions;

namespace Marketplace.SystemTests.Browser;

/// <summary>
/// A won dispute paid back, in a real Chromium: a buyer disputes a 25.00 EUR purchase (card 0259), the creator answers
/// from the sales page with text and a PDF receipt, the emulator closes the dispute as won while the platform's available
/// balance is short (Stripe refuses the transfer back), the platform then gets funds and the sweep transfers the 25.00 EUR
/// back once (one successful <c>POST /v1/transfers</c> on the emulator); then <c>/creator/sales</c>, its CSV and
/// <c>/admin</c> show the creator's net equal to the connected account's balance transactions.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class WonDisputeBrowserTests(LiveMarketplaceFactory app, ChromiumFixture chromium)
    : IClassFixture<LiveMarketplaceFactory>, IClassFixture<ChromiumFixture>
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    [Fact]
    public async Task Journey_BuyerDisputesCreatorAnswersWithAFileWonWhilePlatformShort_TransferredBackOnceAndPagesEqualStripe()
    {
        await using var creator = await BrowserJourney.StartAsync(app, chromium);
        await creator.RegisterAsync("Evidence Studio");
        await creator.OnboardAsync(complete: true);
        await creator.ChooseSilverMonthlyAsync();
        await creator.PayOnCheckoutAsync(BrowserJourney.GoodCard, "checkout-silver");
        await creator.ExpectSubscriptionAsync("Silver", "Active");
        await creator.CreateListingAsync("Poster A2", "25.00", "eur");
        var shop = await app.WithDbAsync(db => db.CreatorProfiles
            .Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == creator.Email))
            .Select(c => new { c.Id, c.Slug, c.StripeAccount!.StripeAccountId }).SingleAsync());
        var (creatorId, slug, accountId) = (shop.Id, shop.Slug, shop.StripeAccountId);

        await using var buyer = await BrowserJourney.StartAsync(app, chromium, nameof(Journey_BuyerDisputesCreatorAnswersWithAFileWonWhilePlatformShort_TransferredBackOnceAndPagesEqualStripe) + "-buyer");
        await buyer.BuyAsync(slug, "Poster A2", "disputer@example.com", "4000 0000 0000 0259");
        var order = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.CreatorProfileId == creatorId),
            o => o.DisputeStatus == "needs_response" && o.DisputeTransferReversalId is not null, seconds: 60, because: "charge.dispute.created and funds_withdrawn");
        var disputeId = order.StripeDisputeId!;

        // The creator answers from the sales page: text and a PDF receipt.
        await creator.GotoAsync("/creator/sales");
        var form = creator.Page.GetByTestId($"evidence-{order.Id}");
        await form.Locator("summary").ClickAsync();
        await form.Locator("textarea[name='productDescription']").FillAsync("A2 poster, PDF download, delivered at once.");
        await form.Locator("input[name='receiptFile']").SetInputFilesAsync(new FilePayload { Name = "receipt.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await creator.ScreenshotAsync("evidence-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Send the evidence" }).ClickAsync();
        await Expect(creator.Page.GetByText("Your evidence was sent to the buyer's bank through Stripe")).ToBeVisibleAsync();
        var answered = await app.Stripe.V1.Disputes.GetAsync(disputeId);
        answered.Status.Should().Be("under_review");
        (await app.Stripe.V1.Files.GetAsync(answered.Evidence.ReceiptId)).Filename.Should().Be("receipt.pdf");

        // Won while the platform is short: Stripe refuses the transfer back.
        (await app.Stripe.V1.Balance.GetAsync()).Available.Where(a => a.Currency == "eur").Sum(a => a.Amount).Should().BeLessThan(2500);
        app.Emulator.CloseDispute(app.ApiKey, disputeId, "won");
        await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.TransferBackRefusal != null,
            seconds: 60, because: "Stripe refused the transfer back (balance_insufficient)");

        // The platform gets funds (a large sale, made available); the sweep pays the creator back, once.
        await creator.CreateListingAsync("Print A0", "500.00", "eur");
        await buyer.BuyAsync(slug, "Print A0", "funder@example.com", BrowserJourney.GoodCard);
        await app.EventuallyAsync(db => db.Orders.AsNoTracking().CountAsync(o => o.CreatorProfileId == creatorId && o.Id != order.Id && o.Status == OrderStatus.Paid), n => n == 1, because: "the large sale");
        app.Emulator.MakeBalanceAvailable(app.ApiKey, null);
        for (var run = 0; run < 2; run++)
            await using (var scope = app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<DisputeRetransferSweepJob>().RunAsync(CancellationToken.None);
        var paidBack = await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id), o => o.DisputeRetransferId != null,
            because: "the transfer back");
        bool Succeeded(EmulatorRequest r) => r is { Method: "POST", Path: "/v1/transfers", Status: 200 }
            && r.IdempotencyKey?.StartsWith($"dispute-retransfer:{disputeId}:", StringComparison.Ordinal) == true;
        app.Emulator.GetRequests(app.ApiKey).Where(Succeeded).Select(r => r.IdempotencyKey).Distinct().Should().ContainSingle();
        var back = await app.Stripe.V1.Transfers.GetAsync(paidBack.DisputeRetransferId);
        (back.Amount, back.Currency, back.DestinationId).Should().Be((2500L, "eur", accountId));

        // The pages equal the connected account's balance transactions.
        long net = 0;
        await foreach (var txn in app.Stripe.V1.BalanceTransactions.ListAutoPagingAsync(new BalanceTransactionListOptions { Currency = "eur", Limit = 100 },
                           new RequestOptions { StripeAccount = accountId }))
            net += txn.Net;
        var expected = Money.Format(net, "eur", En);
        await creator.GotoAsync("/creator/sales");
        await Expect(creator.Page.Locator("tr[data-total='all-eur'] [data-figure='net']")).ToHaveTextAsync(expected);
        await creator.ScreenshotAsync("paid-back");
        var csv = await (await creator.Page.APIRequest.GetAsync(new Uri(app.AppUrl, "/creator/sales/export.csv").ToString())).TextAsync();
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        lines.Skip(1).Select(l => l.Split(',')).Where(r => r[Array.IndexOf(header, "currency")].Equals("eur", StringComparison.OrdinalIgnoreCase))
            .Sum(r => Money.ToMinor(decimal.Parse(r[Array.IndexOf(header, "net_to_creator")], CultureInfo.InvariantCulture), "eur")).Should().Be(net);
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var dashboard = RefundScenarios.TotalsRow(WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin")), "all-eur");
        FigureCell().Matches(dashboard).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim())["net"].Should().Be(expected);
        creator.OutsideRequests.Should().BeEmpty();
        buyer.OutsideRequests.Should().BeEmpty();
    }

    [GeneratedRegex("<td class=\"text-end[^\"]*\" data-figure=\"([a-z-]+)\">([^<]*)</td>")]
    private static partial Regex FigureCell();
}
