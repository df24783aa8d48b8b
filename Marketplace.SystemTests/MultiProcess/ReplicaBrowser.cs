using System.Net;
using System.Text.RegularExpressions;
using Marketplace.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.SystemTests.MultiProcess;

/// <summary>
/// One person's browser in front of several web replicas: one cookie jar (cookies are per host, not per port, as behind a
/// load balancer every replica is one site), a <see cref="BrowserSession"/> per replica. Redirects are not followed; the
/// emulator's hosted pages (Connect onboarding, Checkout) are posted to as a person would click them. The
/// <paramref name="cluster"/>'s database stands in for the inbox: a new account's address is marked confirmed there, as
/// its emailed link would (the link's token is made with the replicas' keys, which the test process does not load).
/// </summary>
public sealed partial class ReplicaBrowser(ProcessCluster cluster) : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly Dictionary<Uri, BrowserSession> _sessions = [];

    /// <summary>The session on <paramref name="web"/> (the same cookies as on every other replica).</summary>
    public BrowserSession On(AppProcess web)
    {
        lock (_sessions)
        {
            if (_sessions.TryGetValue(web.Url, out var existing)) return existing;
            var session = new BrowserSession(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = _cookies })
            {
                BaseAddress = web.Url,
                Timeout = TimeSpan.FromSeconds(120),
            });
            _sessions[web.Url] = session;
            return session;
        }
    }

    /// <summary>Registers a creator on <paramref name="web"/>, confirms the address and signs in there.</summary>
    public async Task RegisterAsync(AppProcess web, string email, string name)
    {
        Expect(await On(web).SubmitCreatorSignUpAsync(email, name), HttpStatusCode.Redirect);
        var confirmed = await cluster.WithDbAsync(db => db.Users.Where(u => u.Email == email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.EmailConfirmed, true)));
        if (confirmed != 1) throw new InvalidOperationException($"No account was created for {email}.");
        Expect(await On(web).LoginAsync(email, "Creator#12345"), HttpStatusCode.Redirect);
    }

    /// <summary>Connect onboarding started on <paramref name="start"/>, completed on the emulator's page, returning to where Stripe sends the creator.</summary>
    public async Task CompleteOnboardingAsync(AppProcess start)
    {
        var onboarding = Location(Expect(await On(start).SubmitFormAsync("/creator/connect", new Dictionary<string, string>(), "/creator/connect/onboard"), HttpStatusCode.SeeOther));
        var back = Location(Expect(await On(start).Client.PostAsync(onboarding, Form(new() { ["action"] = "complete" })), HttpStatusCode.SeeOther));
        Expect(await On(start).Client.GetAsync(back), HttpStatusCode.OK);
    }

    /// <summary>The plan form of <paramref name="planCode"/> (e.g. <c>SILVER</c>) read on <paramref name="web"/>: its action and antiforgery token.</summary>
    public async Task<(string Action, string Token)> PlanFormAsync(AppProcess web, string planCode)
    {
        var response = Expect(await On(web).Client.GetAsync("/creator/subscription/upgrade"), HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var form = Regex.Match(html, $"data-plan-code=\"{planCode}\"[\\s\\S]*?<form method=\"post\" action=\"([^\"]+)\"");
        var token = AntiforgeryToken().Match(html);
        if (!form.Success || !token.Success) throw new InvalidOperationException($"No {planCode} plan form on {web.Url}/creator/subscription/upgrade.");
        return (WebUtility.HtmlDecode(form.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    /// <summary>POSTs a plan form (monthly) to <paramref name="web"/>; the response as it came (303 to Checkout on success).</summary>
    public async Task<HttpResponseMessage> SelectPlanAsync(AppProcess web, (string Action, string Token) form) =>
        await On(web).Client.PostAsync(form.Action, Form(new() { ["interval"] = "month", ["__RequestVerificationToken"] = form.Token }));

    /// <summary>Pays an emulator Checkout page with card 4242 and opens the app's success page; returns where it leads.</summary>
    public async Task<Uri> PayAsync(Uri checkout, string email, AppProcess any)
    {
        var success = Location(Expect(await On(any).Client.PostAsync(checkout, Form(new() { ["card_number"] = "4242424242424242", ["email"] = email })), HttpStatusCode.SeeOther));
        return Location(Expect(await On(any).Client.GetAsync(success), HttpStatusCode.Redirect));
    }

    /// <summary>A creator on <paramref name="planCode"/> through the real flow on <paramref name="web"/>: Register, Connect onboarding, Checkout with 4242.</summary>
    public async Task SubscribeAsync(AppProcess web, string email, string planCode)
    {
        await RegisterAsync(web, email, "Creator " + email.Split('@')[0]);
        await CompleteOnboardingAsync(web);
        var checkout = Location(Expect(await SelectPlanAsync(web, await PlanFormAsync(web, planCode)), HttpStatusCode.SeeOther));
        var page = await PayAsync(checkout, email, web);
        if (!page.AbsolutePath.EndsWith("/creator/subscription", StringComparison.Ordinal))
            throw new InvalidOperationException($"Checkout success led to {page}, not the subscription page.");
    }

    /// <summary>The absolute <c>Location</c> of a redirect.</summary>
    public static Uri Location(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} without Location from {response.RequestMessage?.RequestUri}.");
        return location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values) session.Dispose();
    }

    private static HttpResponseMessage Expect(HttpResponseMessage response, HttpStatusCode expected) =>
        response.StatusCode == expected ? response
            : throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode}, expected {(int)expected}.");

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
