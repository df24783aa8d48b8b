using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Marketplace.Core.Orders;
using Marketplace.StripeEmulator.Api;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Tests.Disputes;

/// <summary>
/// Answering a dispute from inside the product (the dispute is on the platform's account): the creator from the sales
/// page, the admin from the orders page; <c>POST /v1/disputes/{id}</c> with <c>evidence[…]</c> and <c>submit=true</c>
/// on the emulator, refused after <c>evidence_details.due_by</c>.
/// </summary>
public sealed partial class DisputeEvidenceTests(OrdersFactory app) : IClassFixture<OrdersFactory>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    /// <summary>Posts the evidence form of <paramref name="orderId"/> from the sales page as a browser does (multipart, with the page's antiforgery token).</summary>
    private static async Task<HttpResponseMessage> PostEvidenceWithFileAsync(BrowserSession creator, int orderId, string text,
        (string Field, string Name, byte[] Bytes, string Type) file)
    {
        var html = await creator.Client.GetStringAsync("/creator/sales");
        var token = WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Guid.NewGuid().ToString("N")), "requestToken" },
            { new StringContent(text), "productDescription" },
        };
        var content = new ByteArrayContent(file.Bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.Type);
        form.Add(content, file.Field, file.Name);
        return await creator.Client.PostAsync($"/creator/sales/{orderId}/dispute-evidence", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    private const string DisputedCard = "4000000000000259";

    private async Task<Order> DisputedOrderAsync(Shop shop)
    {
        var order = await app.PaidOrderAsync(shop, DisputedCard);
        return await app.EventuallyAsync(db => db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id),
            o => o.Status == OrderStatus.Disputed && o.DisputeStatus == "needs_response", because: "charge.dispute.created");
    }

    [Fact]
    public async Task SubmitEvidence_CreatorFromTheSalesPage_StripeHasItAndTheDisputeIsUnderReview()
    {
        using var shop = await app.ShopAsync();
        var order = await DisputedOrderAsync(shop);
        var page = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales"));
        page.Should().Contain($"data-testid=\"evidence-{order.Id}\"").And.Contain("Answer the dispute with evidence");

        var posted = await shop.Creator.SubmitFormAsync("/creator/sales", new Dictionary<string, string>
        {
            ["productDescription"] = "A2 poster, PDF download.", ["customerCommunication"] = "The buyer thanked us by email on delivery.",
            ["accessActivityLog"] = "", ["refundPolicy"] = "Refunds within 14 days.", ["uncategorizedText"] = "", ["requestToken"] = Guid.NewGuid().ToString("N"),
        }, $"/creator/sales/{order.Id}/dispute-evidence");

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var after = WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales"));
        after.Should().Contain("Your evidence was sent to the buyer's bank through Stripe").And.Contain("data-testid=\"evidence-sent\"")
            .And.NotContain($"data-testid=\"evidence-{order.Id}\"");
        var dispute = await app.Stripe.V1.Disputes.GetAsync(order.StripeDisputeId);
        (dispute.Status, dispute.EvidenceDetails.SubmissionCount, dispute.EvidenceDetails.HasEvidence, dispute.Evidence.ProductDescription,
            dispute.Evidence.RefundPolicyDisclosure).Should().Be(("under_review", 1L, true, "A2 poster, PDF download.", "Refunds within 14 days."));
        dispute.Evidence.UncategorizedText.Should().Contain("The buyer thanked us by email on delivery.");
        (await app.OrderAsync(order.Id)).DisputeStatus.Should().Be("under_review");
    }

    [Fact]
    public async Task SubmitEvidence_AfterTheDeadline_RefusedWithAMessageAndNothingSent()
    {
        using var shop = await app.ShopAsync();
        var order = await DisputedOrderAsync(shop);
        await app.QuiesceAsync();
        var past = DateTime.SpecifyKind(TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1), DateTimeKind.Utc);
        await app.WithDbAsync(db => db.Orders.Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.DisputeEvidenceDueBy, past)));

        var posted = await shop.Creator.SubmitFormAsync("/creator/sales", new Dictionary<string, string>
        {
            ["productDescription"] = "A2 poster.", ["requestToken"] = Guid.NewGuid().ToString("N"),
        }, $"/creator/sales/{order.Id}/dispute-evidence");

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().Contain("The deadline to answer this dispute passed");
        (await app.Stripe.V1.Disputes.GetAsync(order.StripeDisputeId)).EvidenceDetails.SubmissionCount.Should().Be(0);
    }

    [Fact]
    public async Task SubmitEvidence_AdminFromTheOrdersPage_StripeHasIt()
    {
        using var shop = await app.ShopAsync();
        var order = await DisputedOrderAsync(shop);
        using var admin = app.NewBrowser();
        (await admin.LoginAsync(MarketplaceFactory.AdminEmail, MarketplaceFactory.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await admin.Client.GetStringAsync("/admin/orders")).Should().Contain($"data-testid=\"evidence-{order.Id}\"");

        var posted = await admin.SubmitFormAsync("/admin/orders", new Dictionary<string, string>
        {
            ["uncategorizedText"] = "The file was delivered; see the log.", ["accessActivityLog"] = "2026-12-01 10:00:00 UTC: downloaded \"poster.pdf\"",
            ["requestToken"] = Guid.NewGuid().ToString("N"),
        }, $"/admin/orders/{order.Id}/dispute-evidence");

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var dispute = await app.Stripe.V1.Disputes.GetAsync(order.StripeDisputeId);
        (dispute.Status, dispute.Evidence.AccessActivityLog, dispute.Evidence.UncategorizedText)
            .Should().Be(("under_review", "2026-12-01 10:00:00 UTC: downloaded \"poster.pdf\"", "The file was delivered; see the log."));
    }

    [Fact]
    public async Task SubmitEvidence_CreatorAttachesAPdfReceipt_StripeHasTheUploadedFileAsTheReceipt()
    {
        using var shop = await app.ShopAsync();
        var order = await DisputedOrderAsync(shop);
        (await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().Contain("name=\"receiptFile\"").And.Contain("multipart/form-data");

        var posted = await PostEvidenceWithFileAsync(shop.Creator, order.Id, "A2 poster, PDF download.", ("receiptFile", "receipt.pdf", Pdf, "application/pdf"));

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales")).Should().Contain("Your evidence was sent to the buyer's bank through Stripe");
        var dispute = await app.Stripe.V1.Disputes.GetAsync(order.StripeDisputeId);
        dispute.Status.Should().Be("under_review");
        var file = await app.Stripe.V1.Files.GetAsync(dispute.Evidence.ReceiptId);
        (file.Purpose, file.Type, file.Size, file.Filename).Should().Be(("dispute_evidence", "pdf", (long)Pdf.Length, "receipt.pdf"));
    }

    [Fact]
    public async Task SubmitEvidence_AttachedFileIsNotAPdfJpegOrPng_SamePageSaysWhyAndNothingGoesToStripe()
    {
        using var shop = await app.ShopAsync();
        var order = await DisputedOrderAsync(shop);
        bool Upload(EmulatorRequest r) => r.Method == "POST" && r.Path == "/v1/files";
        var uploadsBefore = app.Emulator.GetRequests(app.ApiKey).Count(Upload);

        var posted = await PostEvidenceWithFileAsync(shop.Creator, order.Id, "A2 poster.", ("otherFile", "notes.pdf", "plain words, not a PDF"u8.ToArray(), "application/pdf"));

        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        WebUtility.HtmlDecode(await shop.Creator.Client.GetStringAsync("/creator/sales"))
            .Should().Contain("“notes.pdf” is not a PDF, JPEG or PNG file").And.Contain($"data-testid=\"evidence-{order.Id}\"");
        (await app.Stripe.V1.Disputes.GetAsync(order.StripeDisputeId)).EvidenceDetails.SubmissionCount.Should().Be(0);
        app.Emulator.GetRequests(app.ApiKey).Count(Upload).Should().Be(uploadsBefore, "nothing was uploaded");
    }
}
