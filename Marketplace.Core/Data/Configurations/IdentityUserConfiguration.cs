using Marketplace.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

/// <summary>Identity's user columns for the email and user name (and their normalized forms): <see cref="AccountLimits.MaxEmailLength"/> characters, not Identity's 256.</summary>
internal sealed class IdentityUserConfiguration : IEntityTypeConfiguration<IdentityUser>
{
    public void Configure(EntityTypeBuilder<IdentityUser> builder)
    {
        builder.Property(u => u.Email).HasMaxLength(AccountLimits.MaxEmailLength);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(AccountLimits.MaxEmailLength);
        builder.Property(u => u.UserName).HasMaxLength(AccountLimits.MaxEmailLength);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(AccountLimits.MaxEmailLength);
    }
}
