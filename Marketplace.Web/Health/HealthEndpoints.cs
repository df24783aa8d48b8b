using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Marketplace.Web.Health;

/// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the database and Hangfire storage answer.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    }
}
