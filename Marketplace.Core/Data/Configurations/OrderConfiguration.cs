using Marketplace.Core.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.Property(o => o.PublicToken).HasMaxLength(OrderToken.Length).IsRequired();
        builder.HasIndex(o => o.PublicToken).IsUnique();
        builder.Property(o => o.ListingTitle).HasMaxLength(Listings.Listing.MaxTitleLength).IsRequired();
        builder.Property(o => o.Currency).HasMaxLength(3).IsRequired();
        builder.Property(o => o.BuyerKey).HasMaxLength(64).IsRequired();
        builder.Property(o => o.BuyerUserId).HasMaxLength(450);
        builder.Property(o => o.BuyerEmail).HasMaxLength(256);
        builder.Property(o => o.BuyerEmailLower).HasMaxLength(256);
        builder.HasIndex(o => o.BuyerEmailLower);
        builder.Property(o => o.Culture).HasMaxLength(8);
        builder.Property(o => o.StripeCheckoutSessionId).HasMaxLength(255);
        builder.HasIndex(o => o.StripeCheckoutSessionId).IsUnique();
        builder.Property(o => o.CheckoutUrl).HasMaxLength(Order.MaxUrlLength);
        builder.Property(o => o.StripePaymentIntentId).HasMaxLength(255);
        builder.Property(o => o.StripeChargeId).HasMaxLength(255);
        builder.Property(o => o.StripeTransferId).HasMaxLength(255);
        builder.Property(o => o.StripeApplicationFeeId).HasMaxLength(255);
        builder.Property(o => o.ReceiptUrl).HasMaxLength(Order.MaxUrlLength);
        builder.Property(o => o.RefundFailureReason).HasMaxLength(64);
        builder.Property(o => o.LastRefundRequestToken).HasMaxLength(64);
        builder.Property(o => o.StripeDisputeId).HasMaxLength(255);
        builder.HasIndex(o => o.StripeDisputeId);
        builder.Property(o => o.DisputeReason).HasMaxLength(64);
        builder.Property(o => o.DisputeStatus).HasMaxLength(32);
        builder.Property(o => o.DisputeTransferReversalId).HasMaxLength(255);
        builder.Property(o => o.DisputeRetransferId).HasMaxLength(255);
        builder.Property(o => o.TransferBackRefusal).HasMaxLength(Order.MaxTransferBackRefusalLength);
        builder.Ignore(o => o.OwesTransferBack);
        builder.HasIndex(o => o.StripeChargeId);
        builder.Ignore(o => o.CreatorNetMinor);
        builder.Ignore(o => o.RefundableMinor);
        builder.Ignore(o => o.CanBeRefunded);
        builder.Ignore(o => o.HasOpenDispute);
        builder.Ignore(o => o.HasDeliveryAccess);
        builder.HasIndex(o => new { o.BuyerKey, o.ListingId, o.Status });
        builder.HasIndex(o => new { o.CreatorProfileId, o.CreatedAt });
        builder.HasIndex(o => new { o.Status, o.PaidAt });
        builder.HasIndex(o => new { o.Status, o.CheckoutExpiresAt });
        builder.HasIndex(o => new { o.BuyerUserId, o.CreatedAt });
        builder.HasOne(o => o.Listing).WithMany().HasForeignKey(o => o.ListingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.CreatorProfile).WithMany().HasForeignKey(o => o.CreatorProfileId).OnDelete(DeleteBehavior.Restrict);
    }
}
