using System.Net;
using Marketplace.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Accounts;

/// <summary>
/// Issue 16, item 7: an email (the user name here) is at most 254 characters on the register form (<c>maxlength</c> and
/// the model), on Manage → Email, on every Identity path (a user validator) and in the columns.
/// </summary>
public sealed class AccountLimitsTests : IClassFixture<MarketplaceFactory>
{
    private readonly MarketplaceFactory _app;

    public AccountLimitsTests(MarketplaceFactory app) => _app = app;

    private static string LongEmail(int length) => new string('a', length - "@example.com".Length) + "@example.com";

    [Theory]
    [InlineData(255)]
    [InlineData(1_000_000)]
    public async Task Register_EmailLongerThan254_SameFormWithTheMessageNothingStored(int length)
    {
        using var browser = BrowserSession.For(_app);
        var email = LongEmail(length);

        var response = await browser.RegisterCreatorAsync(email, "Long");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("maximum length of 254");
        (await _app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.Length > 254))).Should().Be(0);
    }

    [Fact]
    public async Task Register_Email254Characters_Registers()
    {
        using var browser = BrowserSession.For(_app);
        var email = Guid.NewGuid().ToString("N") + LongEmail(254 - 32);

        (await browser.RegisterCreatorAsync(email, "Long")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await _app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email))).Should().Be(1);
    }

    [Fact]
    public async Task RegisterPage_EmailInput_HasMaxLength254()
    {
        using var browser = BrowserSession.For(_app);

        var html = await browser.Client.GetStringAsync("/Identity/Account/Register");

        html.Should().MatchRegex("<input[^>]*maxlength=\"254\"[^>]*name=\"Input.Email\"|<input[^>]*name=\"Input.Email\"[^>]*maxlength=\"254\"");
    }

    [Fact]
    public async Task UserManager_SetEmailOrUserNameLongerThan254_FailsNothingStored()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = $"u{Guid.NewGuid():N}@example.com", Email = $"u{Guid.NewGuid():N}@example.com" };
        (await users.CreateAsync(user)).Succeeded.Should().BeTrue();

        var email = await users.SetEmailAsync(user, LongEmail(255));
        var name = await users.SetUserNameAsync(user, LongEmail(255));

        email.Errors.Select(e => e.Code).Should().Contain("EmailTooLong");
        name.Errors.Select(e => e.Code).Should().Contain("UserNameTooLong");
        (await _app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.Email!.Length + u.UserName!.Length).SingleAsync())).Should().BeLessThan(100);
    }

    [Theory]
    [InlineData(nameof(IdentityUser.Email))]
    [InlineData(nameof(IdentityUser.NormalizedEmail))]
    [InlineData(nameof(IdentityUser.UserName))]
    [InlineData(nameof(IdentityUser.NormalizedUserName))]
    public async Task Model_IdentityUserColumn_MaxLength254(string column) =>
        (await _app.WithDbAsync(db => Task.FromResult(db.Model.FindEntityType(typeof(IdentityUser))!.FindProperty(column)!.GetMaxLength()))).Should().Be(254);
}
