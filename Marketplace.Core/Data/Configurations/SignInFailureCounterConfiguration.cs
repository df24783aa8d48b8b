using Marketplace.Core.SignInThrottling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class SignInFailureCounterConfiguration : IEntityTypeConfiguration<SignInFailureCounter>
{
    public void Configure(EntityTypeBuilder<SignInFailureCounter> builder)
    {
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(SignInFailureCounter.MaxKeyLength);
        builder.HasIndex(c => c.LastFailureAt);
    }
}
