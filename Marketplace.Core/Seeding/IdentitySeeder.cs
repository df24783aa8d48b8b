using Marketplace.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Core.Seeding;

/// <summary>Creates the roles and the configured administrator if they are missing. Idempotent.</summary>
public sealed class IdentitySeeder(
    RoleManager<IdentityRole> roleManager,
    UserManager<IdentityUser> userManager,
    IOptions<SeedOptions> options,
    ILogger<IdentitySeeder> logger)
{
    /// <summary>Seeds roles, then the admin when <see cref="SeedOptions.AdminEmail"/> is set.</summary>
    /// <exception cref="InvalidOperationException">Identity refused the admin (e.g. a password too weak), with its reasons.</exception>
    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role)) Check(await roleManager.CreateAsync(new IdentityRole(role)), role);
        }

        var email = options.Value.AdminEmail;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(options.Value.AdminPassword)) return;

        var admin = await userManager.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await userManager.CreateAsync(admin, options.Value.AdminPassword), "Seed:AdminPassword");
            logger.LogInformation("Seeded administrator {AdminEmail}", email);
        }

        if (!await userManager.IsInRoleAsync(admin, Roles.Admin)) Check(await userManager.AddToRoleAsync(admin, Roles.Admin), Roles.Admin);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Seeding '{what}' failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
