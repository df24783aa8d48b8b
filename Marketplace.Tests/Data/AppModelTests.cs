using Marketplace.Core.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Data;

/// <summary>
/// The model as the running app builds it (Identity's options and all, which <c>dotnet ef</c> never sees) matches each
/// server provider's migrations: otherwise the first start refuses to migrate. No server is contacted.
/// </summary>
public sealed class AppModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.SqlServer, "Server=unused;Database=Marketplace;TrustServerCertificate=True")]
    [InlineData(DatabaseProvider.Postgres, "Host=unused;Database=marketplace;Username=unused")]
    public async Task Model_AsTheAppRegistersIt_HasNoChangesPendingOverItsMigrations(DatabaseProvider provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Marketplace"] = connectionString,
            ["Stripe:Mode"] = "Emulator", // CreateBuilder is Production: without a key the app would refuse to start
        });
        Marketplace.Web.DependencyInjection.AddMarketplaceWeb(builder);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();

        var db = scope.ServiceProvider.GetRequiredService<MarketplaceDbContext>();

        db.Database.ProviderName.Should().EndWith(provider == DatabaseProvider.Postgres ? "PostgreSQL" : "SqlServer");
        db.Database.HasPendingModelChanges().Should().BeFalse();
    }
}
