using Marketplace.Web;
using Marketplace.Web.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRootAppSettings();
builder.AddMarketplaceWeb();

var app = builder.Build();
await app.InitializeMarketplaceAsync();
app.UseMarketplaceWeb();
app.Run();

/// <summary>The web app's entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
