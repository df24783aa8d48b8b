using Marketplace.Core.Buyers;
using Marketplace.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.UnitTests.Web;

/// <summary>The web edge's settings bound to options classes: the keys and defaults of docs/configuration.md, validated at start.</summary>
public sealed class WebSettingsTests
{
    [Fact]
    public void AddSecurityOptions_NothingSet_TheDocumentedDefaults()
    {
        using var services = Build([], (s, c) => s.AddSecurityOptions(c));

        var security = services.GetRequiredService<IOptions<SecurityOptions>>().Value;

        (security.IdentityPostsPerMinute, security.SessionValidationSeconds, security.RequireAdminTwoFactor, security.Passkeys.ServerDomain)
            .Should().Be((10, 60, true, (string?)null));
        services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void AddSecurityOptions_PasskeyDomainAndStampSecondsSet_TheFrameworkOptionsUseThem()
    {
        using var services = Build(new() { ["Security:Passkeys:ServerDomain"] = "shop.example.com", ["Security:SessionValidationSeconds"] = "0" }, (s, c) => s.AddSecurityOptions(c));

        services.GetRequiredService<IOptions<IdentityPasskeyOptions>>().Value.ServerDomain.Should().Be("shop.example.com");
        services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("Security:SessionValidationSeconds", "86401")]
    [InlineData("Security:IdentityPostsPerMinute", "0")]
    public void AddSecurityOptions_ValueOutOfRange_StartFailsNamingTheKey(string key, string value)
    {
        using var services = Build(new() { [key] = value }, (s, c) => s.AddSecurityOptions(c));

        var start = () => services.GetRequiredService<IOptions<SecurityOptions>>().Value;

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => f.Contains(key));
    }

    [Fact]
    public void AddMarketplaceForwardedHeaders_ProxyThatIsNoAddress_StartFailsNamingIt()
    {
        using var services = Build(new() { ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1", ["ForwardedHeaders:KnownNetworks:0"] = "proxy.local" },
            (s, c) => s.AddMarketplaceForwardedHeaders(c));

        var start = () => services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle(f => f.Contains("ForwardedHeaders:KnownNetworks: 'proxy.local'"));
    }

    [Fact]
    public void AddBuyers_LinkMinutesZero_StartFailsNamingTheSetting()
    {
        using var services = Build(new() { ["Buyers:OrdersLinkMinutes"] = "0" }, (s, c) => s.AddBuyers(c));

        var start = () => services.GetRequiredService<IOptions<BuyerOptions>>().Value;

        start.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(f => f.Contains(nameof(BuyerOptions.OrdersLinkMinutes)));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection, IConfiguration> add)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        add(services, configuration);
        return services.BuildServiceProvider();
    }
}
