using Marketplace.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Core.Buyers;

/// <summary>
/// Signs up a buyer: an Identity user in the <see cref="Roles.Buyer"/> role, without a shop. The account sees its
/// purchases at <c>/purchases</c> and can open a shop later (<see cref="Creators.CreatorRegistration.OpenShopAsync"/>).
/// </summary>
public sealed class BuyerRegistration(UserManager<IdentityUser> userManager)
{
    /// <summary>Creates the account; returns it, or Identity's errors (duplicate email, weak password…) with nothing stored.</summary>
    public async Task<(IdentityUser? User, IReadOnlyList<IdentityError> Errors)> RegisterAsync(string email, string password)
    {
        var user = new IdentityUser { UserName = email, Email = email };
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded) return (null, [.. created.Errors]);
        var inRole = await userManager.AddToRoleAsync(user, Roles.Buyer);
        if (!inRole.Succeeded)
        {
            await userManager.DeleteAsync(user);
            return (null, [.. inRole.Errors]);
        }

        return (user, []);
    }
}
