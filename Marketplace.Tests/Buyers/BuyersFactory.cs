using System.Text.RegularExpressions;
using Marketplace.Tests.Deliveries;
using Marketplace.Tests.Emails;
using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Buyers;

/// <summary>
/// The live app sending to a <see cref="TestSmtpServer"/>, with a clock tests can move (<see cref="Clock"/>), Buy and
/// "find my orders" per client address unlimited (every test comes from 127.0.0.1; the limit has its own test).
/// </summary>
public sealed class BuyersFactory() : MailMarketplaceFactory(new TestSmtpServer())
{
    /// <summary>The app's <see cref="TimeProvider"/>: the system clock plus <see cref="ShiftedClock.Offset"/>.</summary>
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Orders:AnonymousBuyPermitPerMinute", "10000");
        builder.UseSetting("Buyers:OrdersLinkPerAddressPerMinute", "10000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Buyers the way they use the pages.</summary>
public static partial class BuyerScenarios
{
    public const string Password = "Buyer#12345";

    /// <summary>
    /// Signs up a buyer account through <c>/Identity/Account/RegisterBuyer</c>, then, for a new email, opens its
    /// confirmation link and signs in (<see cref="BrowserSession.ConfirmAndSignInAsync"/>): the answer is the sign-in's
    /// redirect to <c>/purchases</c>.
    /// </summary>
    public static async Task<HttpResponseMessage> RegisterBuyerAsync(this BrowserSession browser, string email)
    {
        var isNew = !await browser.HasAccountAsync(email);
        var answer = await browser.SubmitBuyerSignUpAsync(email);
        return isNew ? await browser.ConfirmAndSignInAsync(answer, email, Password) : answer;
    }

    /// <summary>Posts the buyer sign-up form and returns its answer (nobody is signed in by it).</summary>
    public static Task<HttpResponseMessage> SubmitBuyerSignUpAsync(this BrowserSession browser, string email, string password = Password) =>
        browser.SubmitFormAsync("/Identity/Account/RegisterBuyer", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

    /// <summary>Posts the "find my orders" form for <paramref name="email"/>.</summary>
    public static Task<HttpResponseMessage> FindOrdersAsync(this BrowserSession browser, string email) =>
        browser.SubmitFormAsync("/orders/find", new Dictionary<string, string> { ["Email"] = email });

    /// <summary>The link of a "find my orders" email (its text part).</summary>
    public static string OrdersLink(this MimeKit.MimeMessage message) =>
        BillingEmailTests.Links(message.TextBody!).Single(l => l.Contains("/orders/by-email?token=", StringComparison.Ordinal));

    /// <summary>A fresh address.</summary>
    public static string NewEmail(string prefix = "b") => $"{prefix}{Guid.NewGuid():N}@example.com";

    [GeneratedRegex("/orders/[A-Za-z0-9_-]{22}\"")]
    public static partial Regex OrderPageLink();
}
