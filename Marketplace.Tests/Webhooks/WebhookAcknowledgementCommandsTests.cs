using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Webhooks;

/// <summary>
/// The acknowledgement path's SQL, counted by a command interceptor that records only the commands run while a webhook
/// request is being answered: one INSERT for a new event, and nothing read before it, duplicates included.
/// </summary>
public sealed class WebhookAcknowledgementCommandsTests(WebhookAcknowledgementCommandsTests.Factory factory)
    : IClassFixture<WebhookAcknowledgementCommandsTests.Factory>
{
    private const string Billing = "/api/webhooks/stripe/billing";

    [Fact]
    public async Task Post_NewEvent_RunsOneInsertAndNoSelect()
    {
        var json = StripeEventSamples.Event("invoice.paid", $"in_ack_{Guid.NewGuid():N}", "invoice");
        using var client = factory.CreateClient();
        factory.Commands.Clear();

        var response = await client.PostAsync(Billing, json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var commands = factory.Commands.ToArray();
        commands.Should().ContainSingle("the row is stored with one statement: {0}", string.Join(" | ", commands));
        commands[0].Should().StartWith("INSERT");
        commands.Should().NotContain(c => c.Contains("SELECT", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Post_SameEventTwice_SecondIs200DuplicateWithOneInsertAttemptAndOneRow()
    {
        var json = StripeEventSamples.Event("invoice.paid", $"in_ack_{Guid.NewGuid():N}", "invoice");
        using var client = factory.CreateClient();
        (await client.PostAsync(Billing, json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret))).StatusCode
            .Should().Be(HttpStatusCode.OK);
        factory.Commands.Clear();

        var again = await client.PostAsync(Billing, json, StripeEventSamples.Sign(json, StripeEventSamples.BillingSecret));

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).Should().Contain("\"duplicate\":true");
        var commands = factory.Commands.ToArray();
        commands.Should().ContainSingle("the unique index refuses the second insert: {0}", string.Join(" | ", commands));
        commands[0].Should().StartWith("INSERT");
        (await factory.WithDbAsync(db => db.StripeWebhookEvents.CountAsync(e => e.Payload == json))).Should().Be(1);
    }

    /// <summary>The webhook app with <see cref="Commands"/> recording the SQL of webhook requests (and of nothing else).</summary>
    public sealed class Factory : MarketplaceFactory
    {
        public Factory()
        {
            Settings = new Dictionary<string, string?>
            {
                ["Stripe:BillingWebhookSecret"] = StripeEventSamples.BillingSecret,
                ["Stripe:ConnectWebhookSecret"] = StripeEventSamples.ConnectSecret,
            };
        }

        /// <summary>Command texts run while a request to <c>/api/webhooks</c> was being answered, in order.</summary>
        public ConcurrentQueue<string> Commands { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddHttpContextAccessor();
                services.AddSingleton<IInterceptor>(sp => new WebhookRequestCommands(sp.GetRequiredService<IHttpContextAccessor>(), Commands));
            });
        }
    }

    private sealed class WebhookRequestCommands(IHttpContextAccessor http, ConcurrentQueue<string> commands) : DbCommandInterceptor
    {
        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private void Record(DbCommand command)
        {
            if (http.HttpContext?.Request.Path.StartsWithSegments("/api/webhooks") == true) commands.Enqueue(command.CommandText.Trim());
        }
    }
}
