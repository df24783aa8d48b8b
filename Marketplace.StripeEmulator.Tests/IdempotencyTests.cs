using System.Net;
using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>
/// <c>Idempotency-Key</c> as Stripe applies it (https://docs.stripe.com/api/idempotent_requests), through Stripe.net:
/// what is saved (any answer of an endpoint that began executing), what is not (a validation failure), replays,
/// 409 while executing, 400 for other parameters, scoping by Stripe-Account and API key, and the 24-hour lifetime.
/// </summary>
public sealed class IdempotencyTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Transfer_RefusedForBalanceInsufficient_RefusalIsReplayedEvenAfterFundsArrive()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var create = new TransferCreateOptions { Amount = 100, Currency = "eur", Destination = account.Id };
        var options = new RequestOptions { IdempotencyKey = "retransfer-dp_1" };
        var refused = (await ((Func<Task>)(() => client.V1.Transfers.CreateAsync(create, options))).Should().ThrowAsync<StripeException>()).Which;
        await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250);
        emulator.Server.MakeBalanceAvailable(key, null);

        // Act
        var replay = (await ((Func<Task>)(() => client.V1.Transfers.CreateAsync(create, options))).Should().ThrowAsync<StripeException>()).Which;
        var withNewKey = await client.V1.Transfers.CreateAsync(create, new RequestOptions { IdempotencyKey = "retransfer-dp_1:2" });

        // Assert
        refused.StripeError.Code.Should().Be("balance_insufficient");
        refused.StripeResponse.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
        (replay.HttpStatusCode, replay.StripeError.Code).Should().Be((HttpStatusCode.BadRequest, "balance_insufficient"));
        replay.StripeResponse.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        withNewKey.Amount.Should().Be(100);
        (await client.V1.Transfers.ListAsync(new TransferListOptions { Destination = account.Id })).Data
            .Count(t => t.Amount == 100).Should().Be(1, "the refusal created nothing, the new key one transfer");
    }

    [Fact]
    public async Task Create_ParameterFailsValidation_NothingSavedAndTheSameKeySucceedsAfter()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var options = new RequestOptions { IdempotencyKey = "customer-7" };
        var invalid = new CustomerCreateOptions { Email = "a@example.com" };
        invalid.AddExtraParam("colour", "blue");
        var refused = (await ((Func<Task>)(() => client.V1.Customers.CreateAsync(invalid, options))).Should().ThrowAsync<StripeException>()).Which;

        // Act
        var created = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options);

        // Assert
        (refused.HttpStatusCode, refused.StripeError.Code).Should().Be((HttpStatusCode.BadRequest, "parameter_unknown"));
        created.Email.Should().Be("a@example.com");
        created.StripeResponse.Headers.Contains("Idempotent-Replayed").Should().BeFalse();
    }

    [Fact]
    public async Task Create_500WhileExecuting_The500IsSavedAndReplayed()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var options = new RequestOptions { IdempotencyKey = "customer-500" };
        emulator.Server.FailNextApiCalls(key, 500, 1, duringExecution: true);
        await ((Func<Task>)(() => client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options))).Should().ThrowAsync<StripeException>();

        // Act
        var replay = (await ((Func<Task>)(() => client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options)))
            .Should().ThrowAsync<StripeException>()).Which;

        // Assert
        (replay.HttpStatusCode, replay.StripeError.Type).Should().Be((HttpStatusCode.InternalServerError, "api_error"));
        replay.StripeResponse.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await client.V1.Customers.ListAsync()).Data.Should().BeEmpty();
    }

    [Fact]
    public async Task Create_500BeforeTheEndpoint_NothingSavedAndTheSameKeyCreates()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var options = new RequestOptions { IdempotencyKey = "customer-edge-500" };
        emulator.Server.FailNextApiCalls(key, 500, 1);
        await ((Func<Task>)(() => client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options))).Should().ThrowAsync<StripeException>();

        // Act
        var created = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options);

        // Assert
        created.Id.Should().StartWith("cus_");
    }

    [Fact]
    public async Task Create_SameKeyWhileTheFirstIsExecuting_409IdempotencyKeyInUseThenTheFirstIsReplayed()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var options = new RequestOptions { IdempotencyKey = "customer-slow" };
        var create = new CustomerCreateOptions { Email = "slow@example.com" };
        emulator.Server.DelayNextApiCalls(key, TimeSpan.FromSeconds(2), 1, duringExecution: true);
        var first = client.V1.Customers.CreateAsync(create, options);
        await Task.Delay(500);

        // Act
        var conflict = (await ((Func<Task>)(() => client.V1.Customers.CreateAsync(create, options))).Should().ThrowAsync<StripeException>()).Which;
        var created = await first;
        var replay = await client.V1.Customers.CreateAsync(create, options);

        // Assert
        (conflict.HttpStatusCode, conflict.StripeError.Type, conflict.StripeError.Code).Should().Be((HttpStatusCode.Conflict, "idempotency_error", "idempotency_key_in_use"));
        conflict.StripeError.Message.Should().Contain("another in-progress request");
        replay.Id.Should().Be(created.Id);
        (await client.V1.Customers.ListAsync()).Data.Should().ContainSingle();
    }

    [Fact]
    public async Task Create_SameKeyOtherParameters_400IdempotencyErrorWithStripesMessage()
    {
        // Arrange
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var options = new RequestOptions { IdempotencyKey = "customer-params" };
        await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options);

        // Act
        var error = (await ((Func<Task>)(() => client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "b@example.com" }, options)))
            .Should().ThrowAsync<StripeException>()).Which;

        // Assert
        (error.HttpStatusCode, error.StripeError.Type).Should().Be((HttpStatusCode.BadRequest, "idempotency_error"));
        error.StripeError.Code.Should().BeNull();
        error.StripeError.Message.Should().StartWith("Keys for idempotent requests can only be used with the same parameters they were first used with.")
            .And.Contain("'customer-params'");
    }

    [Fact]
    public async Task Create_SameKeyOnTwoConnectedAccountsAndTwoApiKeys_FourSeparateRequests()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var first = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var second = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var create = new CustomerCreateOptions { Email = "same@example.com" };

        // Act
        var onPlatform = await client.V1.Customers.CreateAsync(create, new RequestOptions { IdempotencyKey = "same" });
        var onFirst = await client.V1.Customers.CreateAsync(create, new RequestOptions { IdempotencyKey = "same", StripeAccount = first.Id });
        var onSecond = await client.V1.Customers.CreateAsync(create, new RequestOptions { IdempotencyKey = "same", StripeAccount = second.Id });
        var otherApiKey = await emulator.Client(EmulatorFixture.NewApiKey()).V1.Customers.CreateAsync(create, new RequestOptions { IdempotencyKey = "same" });

        // Assert
        new[] { onPlatform.Id, onFirst.Id, onSecond.Id, otherApiKey.Id }.Should().OnlyHaveUniqueItems();
        (await client.V1.Customers.ListAsync(requestOptions: new RequestOptions { StripeAccount = first.Id })).Data.Should().ContainSingle();
    }

    [Fact]
    public async Task Create_SameKeyAfter24HoursOfTheTestClock_RunsAgain()
    {
        // Arrange
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var options = new RequestOptions { IdempotencyKey = "customer-day" };
        var first = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options);
        var within = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "a@example.com" }, options);
        emulator.Server.AdvanceClock(key, TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        // Act
        var after = await client.V1.Customers.CreateAsync(new CustomerCreateOptions { Email = "b@example.com" }, options);

        // Assert
        within.Id.Should().Be(first.Id);
        after.Id.Should().NotBe(first.Id);
        after.Email.Should().Be("b@example.com");
    }
}
