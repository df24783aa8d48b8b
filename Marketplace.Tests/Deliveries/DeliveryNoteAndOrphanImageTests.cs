using System.Net;
using Marketplace.Core.Images;
using Marketplace.Tests.Infrastructure;
using Marketplace.Tests.Listings;
using Marketplace.Tests.Orders;
using Marketplace.Tests.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Deliveries;

/// <summary>The delivery note as Markdown beside the files a buyer gets, and the sweep of pictures no listing shows any more.</summary>
public sealed class DeliveryNoteAndOrphanImageTests(FilesFactory app) : IClassFixture<FilesFactory>
{
    [Fact]
    public async Task OrderPage_MarkdownDeliveryNote_RenderedSanitizedBesideTheFiles()
    {
        using var shop = await app.ShopAsync(deliveryNote: "## How to print\n**A2**, matte paper.\nCode: `LIGHT-42`\nhttps://help.example/print\n<script>alert(1)</script>");
        await shop.Creator.UploadAsync(shop.ListingId, "%PDF-1.7\n%%EOF"u8.ToArray(), "poster.pdf");
        var order = await app.PaidOrderAsync(shop);
        using var buyer = app.Visitor();

        var html = await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}");

        var card = html[html.IndexOf("id=\"delivery-heading\"", StringComparison.Ordinal)..html.IndexOf("</section>", StringComparison.Ordinal)];
        card.Should().Contain("<h2>How to print</h2>").And.Contain("<strong>A2</strong>, matte paper.<br>").And.Contain("<code>LIGHT-42</code>")
            .And.Contain("<a href=\"https://help.example/print\" rel=\"nofollow ugc noopener\">https://help.example/print</a>")
            .And.Contain("&lt;script&gt;").And.NotContain("<script>")
            .And.Contain("poster.pdf", "the files are listed with the note");
        DeliveryScenarios.DownloadLinks(card).Should().ContainSingle();
    }

    [Fact]
    public async Task OrderPage_NoteAfterAFullRefund_Gone()
    {
        using var shop = await app.ShopAsync(deliveryNote: "Secret code: **LIGHT-42**");
        var order = await app.PaidOrderAsync(shop);
        await shop.CreatorRefundsAsync(order.Id, "", Guid.NewGuid().ToString("N"));
        using var buyer = app.Visitor();

        var html = await buyer.Client.GetStringAsync($"/orders/{order.PublicToken}");

        html.Should().NotContain("LIGHT-42");
    }

    [Fact]
    public async Task OrphanImageSweep_PastTheGracePeriod_DeletesOnlyRenditionsNoListingShows()
    {
        using var shop = await app.ShopAsync();
        var created = await shop.Creator.CreateListingWithPicturesAsync("Lighthouse", "A lighthouse", "Handmade.", ("Cover", "a.jpg", ListingImageScenarios.JpegWithGps(800, 600), "image/jpeg"));
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var shown = await app.WithDbAsync(db => db.ListingImages.OrderByDescending(i => i.Id).Select(i => i.ThumbnailKey).FirstAsync());
        var store = app.Services.GetRequiredService<IImageStore>();
        var orphan = "00/" + new string('a', 64) + ".jpg";
        await store.SaveAsync(orphan, [1, 2, 3]);

        (await app.WithServiceAsync<OrphanImageSweepJob, int>(job => job.RunAsync(CancellationToken.None))).Should().Be(0, "within the grace period");
        app.Clock.Offset = TimeSpan.FromHours(25);
        try
        {
            await app.WithServiceAsync<OrphanImageSweepJob, int>(job => job.RunAsync(CancellationToken.None));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        (await store.OpenReadAsync(orphan)).Should().BeNull();
        await using var kept = await store.OpenReadAsync(shown);
        kept.Should().NotBeNull("a rendition a listing shows is kept");
        (await app.NewBrowser().Client.GetAsync($"/images/{shown}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
