using System.ComponentModel.DataAnnotations;
using Marketplace.Core.Accounts;

namespace Marketplace.UnitTests.Accounts;

/// <summary>The <c>App:</c> settings are checked at start: a bad one stops the app with a message naming the key.</summary>
public sealed class AppOptionsTests
{
    [Theory]
    [InlineData("market.example.com", null, "App:PublicBaseUrl")]
    [InlineData("ftp://market.example.com", null, "App:PublicBaseUrl")]
    [InlineData(null, "de", "App:DefaultCulture")]
    public void Validate_BadValue_FailsNamingTheKey(string? baseUrl, string? culture, string key)
    {
        var errors = Errors(new AppOptions { PublicBaseUrl = baseUrl, DefaultCulture = culture });

        errors.Should().ContainSingle().Which.Should().Contain(key);
    }

    [Theory]
    [InlineData(null, null, "en")]
    [InlineData("https://market.example.com", "fr-BE", "fr")]
    [InlineData("http://localhost:5000", "en", "en")]
    public void Validate_GoodOrEmptyValues_PassWithTheirCulture(string? baseUrl, string? culture, string expected)
    {
        var options = new AppOptions { PublicBaseUrl = baseUrl, DefaultCulture = culture };

        Errors(options).Should().BeEmpty();
        options.Culture.Should().Be(expected);
    }

    private static List<string?> Errors(AppOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage)];
    }
}
