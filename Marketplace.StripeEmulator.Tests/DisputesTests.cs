using System.Net;
using System.Net.Http.Json;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>Disputes: the 0259 card, funds withdrawn and reinstated, closing as won or lost, evidence, events.</summary>
public sealed class DisputesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    private const string DisputedCard = "4000000000000259";
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private static long Total(Balance balance, string currency) =>
        balance.Available.Concat(balance.Pending).Where(b => b.Currency == currency).Sum(b => b.Amount);

    private async Task<(StripeClient Client, string Key, Stripe.Checkout.Session Session, Dispute Dispute)> DisputedAsync(
        string currency = "eur", long amount = 2500, long fee = 250)
    {
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, amount, currency, fee, DisputedCard);
        var disputes = await client.V1.Disputes.ListAsync(new DisputeListOptions { Charge = session.PaymentIntent.LatestChargeId });
        return (client, key, session, disputes.Data.Single());
    }

    [Fact]
    public async Task Pay_0259Card_ChargeIsDisputedAsFraudulentWithFundsWithdrawn()
    {
        // Arrange
        var (client, _, session, listed) = await DisputedAsync();

        // Act
        var dispute = await client.V1.Disputes.GetAsync(listed.Id);
        var charge = await client.V1.Charges.GetAsync(session.PaymentIntent.LatestChargeId);

        // Assert
        session.PaymentStatus.Should().Be("paid");
        dispute.Id.Should().StartWith("dp_");
        dispute.Status.Should().Be("needs_response");
        dispute.Reason.Should().Be("fraudulent");
        dispute.Amount.Should().Be(2500);
        dispute.Currency.Should().Be("eur");
        dispute.ChargeId.Should().Be(charge.Id);
        dispute.PaymentIntentId.Should().Be(session.PaymentIntentId);
        dispute.EvidenceDetails.DueBy.Should().BeCloseTo(dispute.Created.AddDays(7), TimeSpan.FromSeconds(1));
        var withdrawal = dispute.BalanceTransactions.Should().ContainSingle().Subject;
        withdrawal.Amount.Should().Be(-2500);
        withdrawal.Fee.Should().Be(2000);
        withdrawal.Net.Should().Be(-4500);
        charge.Disputed.Should().BeTrue();
        Total(await client.V1.Balance.GetAsync(), "eur").Should().Be(250 - 63 - 2500 - 2000);
    }

    [Theory]
    [InlineData("eur", 2500, 250, 63, 2000)]
    [InlineData("usd", 2500, 250, 103, 1500)]
    [InlineData("jpy", 5000, 500, 180, 1500)]
    public async Task CloseDispute_Won_ReinstatesTheAmountButNotTheFee(string currency, long amount, long fee, long stripeFee, long disputeFee)
    {
        // Arrange
        var (client, key, _, dispute) = await DisputedAsync(currency, amount, fee);

        // Act
        emulator.Server.CloseDispute(key, dispute.Id, "won");
        var closed = await client.V1.Disputes.GetAsync(dispute.Id);
        var events = await client.V1.Events.ListAsync(new EventListOptions { Type = "charge.dispute.*" });

        // Assert
        closed.Status.Should().Be("won");
        closed.BalanceTransactions.Select(t => t.Amount).Should().Equal(-amount, amount);
        Total(await client.V1.Balance.GetAsync(), currency).Should().Be(fee - stripeFee - disputeFee);
        events.Data.Select(e => e.Type).Reverse().Should().Equal("charge.dispute.created", "charge.dispute.funds_withdrawn",
            "charge.dispute.closed", "charge.dispute.funds_reinstated");
    }

    [Fact]
    public async Task CloseDispute_LostOverHttp_ClosesWithoutReinstatementAndCannotCloseTwice()
    {
        // Arrange
        var (client, key, _, dispute) = await DisputedAsync();
        using var control = emulator.Http(key);

        // Act
        var response = await control.PostAsJsonAsync($"/_emulator/disputes/{dispute.Id}/close", new { outcome = "lost" });
        var twice = await control.PostAsJsonAsync($"/_emulator/disputes/{dispute.Id}/close", new { outcome = "won" });
        var closed = await client.V1.Disputes.GetAsync(dispute.Id);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        twice.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        closed.Status.Should().Be("lost");
        closed.BalanceTransactions.Should().ContainSingle();
        (await client.V1.Events.ListAsync(new EventListOptions { Type = "charge.dispute.funds_reinstated" })).Data.Should().BeEmpty();
        Total(await client.V1.Balance.GetAsync(), "eur").Should().Be(250 - 63 - 2500 - 2000);
    }

    [Fact]
    public async Task Pay_0259Card_PlatformEndpointGetsDisputeEventsAfterCompletion()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var platform = await PaymentScenarios.EndpointAsync(client, _receiver, connect: false);

        // Act
        await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250, DisputedCard);
        var events = await _receiver.WaitForAsync(platform.Path, platform.Secret, e => e.Any(x => x.Type == "charge.dispute.funds_withdrawn"));

        // Assert
        events.Select(e => e.Type).SkipWhile(t => t != "checkout.session.completed").Should().Equal(
            "checkout.session.completed", "charge.dispute.created", "charge.dispute.funds_withdrawn");
        events.Last().Data.Object.Should().BeOfType<Dispute>().Which.Status.Should().Be("needs_response");
    }

    [Fact]
    public async Task Update_WithEvidence_SubmitsAndEmitsDisputeUpdated()
    {
        // Arrange
        var (client, _, _, dispute) = await DisputedAsync();

        // Act
        var updated = await client.V1.Disputes.UpdateAsync(dispute.Id, new DisputeUpdateOptions
        {
            Evidence = new DisputeEvidenceOptions { UncategorizedText = "Delivered by email", CustomerEmailAddress = "buyer@example.com" },
        });

        // Assert
        updated.Status.Should().Be("under_review");
        updated.Evidence.UncategorizedText.Should().Be("Delivered by email");
        updated.EvidenceDetails.HasEvidence.Should().BeTrue();
        updated.EvidenceDetails.SubmissionCount.Should().Be(1);
        (await client.V1.Events.ListAsync(new EventListOptions { Type = "charge.dispute.updated" })).Data.Should().ContainSingle();
    }

    [Fact]
    public async Task Refund_DisputedCharge_Returns400ChargeDisputed()
    {
        // Arrange
        var (client, _, session, _) = await DisputedAsync();

        // Act
        var act = () => client.V1.Refunds.CreateAsync(new RefundCreateOptions { PaymentIntent = session.PaymentIntentId });

        // Assert
        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Code.Should().Be("charge_disputed");
    }
}
