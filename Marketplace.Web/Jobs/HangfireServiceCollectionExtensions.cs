using Hangfire;
using Hangfire.Dashboard;
using Marketplace.Core.Accounts;
using Marketplace.Core.Data;

namespace Marketplace.Web.Jobs;

/// <summary>Hangfire wiring: durable storage, the in-process server, and the admin-only dashboard.</summary>
public static class HangfireServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage as a DI singleton (not only <c>JobStorage.Current</c>, so two hosts in one process — tests —
    /// never share a queue), the client, and the server when <see cref="HangfireOptions.ServerEnabled"/>.
    /// Jobs are plain classes resolved from DI; enqueue through <see cref="IBackgroundJobClient"/>.
    /// </summary>
    public static IServiceCollection AddMarketplaceHangfire(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<HangfireOptions>().Bind(configuration.GetSection(HangfireOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var hangfire = configuration.GetSection(HangfireOptions.SectionName).Get<HangfireOptions>() ?? new HangfireOptions();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.AddSingleton<JobStorage>(sp =>
        {
            GlobalConfiguration.Configuration.UseLogProvider(new HostSafeHangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()));
            return HangfireStorageFactory.Create(configuration, database, hangfire, contentRoot);
        });
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostSafeHangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .UseStorage(sp.GetRequiredService<JobStorage>()));

        if (hangfire.ServerEnabled)
        {
            services.AddHangfireServer((sp, server) =>
            {
                server.WorkerCount = hangfire.WorkerCount;
                server.Queues = hangfire.QueueNames;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}"; // DeadServers reads it back
                server.HeartbeatInterval = DeadServers.HeartbeatInterval;
                // This host's own container: Hangfire's global JobActivator.Current belongs to whichever host configured it
                // last, and in a process with several hosts (tests) that may be one already disposed.
                server.Activator = new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>());
            });
            services.AddHostedService<DeadServerJobRecovery>();
        }

        services.AddHealthChecks().AddCheck<HangfireStorageHealthCheck>("hangfire-storage", tags: ["ready"]);
        return services;
    }

    /// <summary>Serves the dashboard at <see cref="HangfireOptions.DashboardPath"/> for the Admin policy only.</summary>
    public static IEndpointConventionBuilder MapMarketplaceHangfireDashboard(this WebApplication app)
    {
        var options = app.Configuration.GetSection(HangfireOptions.SectionName).Get<HangfireOptions>() ?? new HangfireOptions();
        return app.MapHangfireDashboard(options.DashboardPath, new DashboardOptions
        {
            DashboardTitle = "Marketplace · background jobs",
            AppPath = "/admin", // "Back to site" leads to the admin dashboard
            Authorization = [new AdminDashboardAuthorizationFilter()],
            // Only admins get in (above), and they may act (re-run, delete); anyone else would only ever see it read-only.
            IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Admin),
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>()).RequireAuthorization(Roles.Admin);
    }
}
