using System.Net;
using Marketplace.StripeGateway;
using Stripe;

namespace Marketplace.UnitTests.StripeGateway;

public sealed class StripeFailureTests
{
    private static StripeException Answer(HttpStatusCode status, string? code, string? message) =>
        new(status, new StripeError { Code = code, Message = message }, message ?? "stripe error");

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public void From_StripeServerErrorOrRateLimit_Unavailable(HttpStatusCode status) =>
        StripeFailure.From(Answer(status, "api_error", "Try again"))!.Kind.Should().Be(StripeFailureKind.Unavailable);

    [Fact]
    public void From_NetworkErrorOrTimeout_UnavailableWithoutStripeWords()
    {
        StripeFailure.From(new HttpRequestException("connection refused")).Should().Be(new StripeFailure(StripeFailureKind.Unavailable, null, null));
        StripeFailure.From(new TimeoutException()).Should().Be(new StripeFailure(StripeFailureKind.Unavailable, null, null));
        StripeFailure.From(new TaskCanceledException()).Should().Be(new StripeFailure(StripeFailureKind.Unavailable, null, null));
    }

    [Fact]
    public void From_BadRequest_RefusedWithStripesCodeAndMessage()
    {
        var failure = StripeFailure.From(Answer(HttpStatusCode.BadRequest, "amount_too_small", "Amount must be at least €0.50 eur"));

        failure.Should().Be(new StripeFailure(StripeFailureKind.Refused, "amount_too_small", "Amount must be at least €0.50 eur"));
        failure!.IsRefusal.Should().BeTrue();
    }

    [Theory]
    [InlineData(HttpStatusCode.PaymentRequired, null)]
    [InlineData(HttpStatusCode.BadRequest, "card_declined")]
    public void From_402OrCardDeclinedCode_CardDeclined(HttpStatusCode status, string? code)
    {
        var failure = StripeFailure.From(Answer(status, code, "Your card was declined."));

        failure!.Kind.Should().Be(StripeFailureKind.CardDeclined);
        failure.Message.Should().Be("Your card was declined.");
        failure.IsRefusal.Should().BeTrue();
    }

    [Fact]
    public void From_CancelledByTheCaller_NotAStripeFailure()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();

        StripeFailure.From(new TaskCanceledException(), aborted.Token).Should().BeNull();
    }

    [Fact]
    public void From_AnotherException_Null() =>
        StripeFailure.From(new InvalidOperationException("a bug")).Should().BeNull();
}
