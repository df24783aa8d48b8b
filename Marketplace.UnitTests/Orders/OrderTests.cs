using Marketplace.Core;
using Marketplace.Core.Listings;
using Marketplace.Core.Orders;

namespace Marketplace.UnitTests.Orders;

/// <summary>The order's own rules: its snapshot, its token, and transitions that say whether anything changed.</summary>
public sealed class OrderTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly OrderPayment Payment = new("pi_1", "ch_1", "tr_1", "fee_1", 63, "https://pay.example/receipt", "buyer@example.com");

    private static Order NewOrder() => new(new Listing(7, "Poster A2", null, 2500, "EUR", Now, "Note"), 1000, 250, "browser-key", null, null, Now);

    [Fact]
    public void Constructor_Listing_SnapshotsTitlePriceCurrencyAndCommissionWithAFreshToken()
    {
        var order = NewOrder();

        (order.ListingTitle, order.AmountMinor, order.Currency, order.CommissionRateBps, order.ApplicationFeeMinor, order.CreatorNetMinor, order.Status)
            .Should().Be(("Poster A2", 2500L, "eur", 1000, 250L, 2250L, OrderStatus.Pending));
        OrderToken.IsWellFormed(order.PublicToken).Should().BeTrue();
        NewOrder().PublicToken.Should().NotBe(order.PublicToken);
    }

    [Theory]
    [InlineData(2500)]
    [InlineData(3000)]
    [InlineData(-1)]
    public void Constructor_FeeNotBelowTheAmount_Throws(long fee)
    {
        var act = () => new Order(new Listing(7, "Poster", null, 2500, "eur", Now), 1000, fee, "key", null, null, Now);

        act.Should().Throw<DomainException>();
    }

    [Fact]
    public void MarkPaid_Twice_ChangesOnceAndKeepsTheFirstPaidAt()
    {
        var order = NewOrder();

        var first = order.MarkPaid(Payment, Now);
        var second = order.MarkPaid(Payment with { ChargeId = "ch_other" }, Now.AddMinutes(5));

        (first, second).Should().Be((true, false));
        (order.Status, order.PaidAt, order.StripeChargeId, order.StripeFeeMinor, order.PlatformNetMinor).Should().Be((OrderStatus.Paid, Now, "ch_1", 63L, 187L));
    }

    [Fact]
    public void MarkPaid_WithoutTheFeeThenWithIt_FillsTheMissingDetails()
    {
        var order = NewOrder();
        order.MarkPaid(Payment with { StripeFeeMinor = null, TransferId = null }, Now);

        order.MarkPaid(Payment, Now.AddMinutes(1)).Should().BeTrue();

        (order.StripeTransferId, order.PlatformNetMinor, order.PaidAt).Should().Be(("tr_1", 187L, Now));
    }

    [Fact]
    public void MarkExpired_PendingPaidOrExpired_OnlyAPendingOrderExpires()
    {
        var pending = NewOrder();
        var paid = NewOrder();
        paid.MarkPaid(Payment, Now);

        (pending.MarkExpired(Now), pending.MarkExpired(Now), paid.MarkExpired(Now)).Should().Be((true, false, false));
        (pending.Status, paid.Status).Should().Be((OrderStatus.Expired, OrderStatus.Paid));
    }

    [Fact]
    public void MarkPaid_AfterExpired_PaidBecauseMoneyMoved()
    {
        var order = NewOrder();
        order.MarkExpired(Now);

        order.MarkPaid(Payment, Now.AddMinutes(1)).Should().BeTrue();

        order.Status.Should().Be(OrderStatus.Paid);
    }

    [Fact]
    public void AttachCheckoutSession_SameThenAnother_FalseThenThrows()
    {
        var order = NewOrder();
        order.AttachCheckoutSession("cs_1", "https://checkout.example/cs_1", Now.AddMinutes(31), Now).Should().BeTrue();

        order.AttachCheckoutSession("cs_1", null, Now, Now).Should().BeFalse();
        var act = () => order.AttachCheckoutSession("cs_2", null, Now, Now);

        act.Should().Throw<DomainException>();
        order.HasOpenCheckout(Now).Should().BeTrue();
        order.HasOpenCheckout(Now.AddMinutes(30.5)).Should().BeFalse("less than a minute left is not worth sending a buyer to");
    }

    [Theory]
    [InlineData(new[] { "fr-BE", "en" }, "fr")]
    [InlineData(new[] { "pt-BR" }, "pt-BR")]
    [InlineData(new[] { "en-GB" }, "en-GB")]
    [InlineData(new[] { "xx", "de-AT" }, "de")]
    [InlineData(new string[0], "auto")]
    [InlineData(new[] { "tlh" }, "auto")]
    public void CheckoutLocale_PreferredLanguages_FirstThatCheckoutSupports(string[] preferred, string expected) =>
        CheckoutLocales.Pick(preferred).Should().Be(expected);
}
