using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

/// <summary>
/// Identity's passkeys (WebAuthn credentials), table <c>AspNetUserPasskeys</c>, as Identity's schema version 3 maps them
/// (key: the credential id, at most 1023 bytes by the WebAuthn spec; the public key, counters and flags as one JSON
/// column; removed with their user). Mapped here rather than by switching <c>StoreOptions.SchemaVersion</c>, which
/// <c>dotnet ef</c> (no app services) would not see, and which would also rekey the login and token tables.
/// </summary>
internal sealed class UserPasskeyConfiguration : IEntityTypeConfiguration<IdentityUserPasskey<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserPasskey<string>> builder)
    {
        builder.ToTable("AspNetUserPasskeys");
        builder.HasKey(p => p.CredentialId);
        builder.Property(p => p.CredentialId).HasMaxLength(1024);
        builder.OwnsOne(p => p.Data).ToJson();
        builder.HasOne<IdentityUser>().WithMany().HasForeignKey(p => p.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
    }
}
