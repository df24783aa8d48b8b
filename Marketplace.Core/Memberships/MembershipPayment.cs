namespace Marketplace.Core.Memberships;

/// <summary>
/// One paid invoice of a membership (https://docs.stripe.com/api/invoices/object), a destination charge: the member paid
/// <see cref="AmountMinor"/>, the platform kept <see cref="ApplicationFeeMinor"/> (the plan's commission through
/// <c>application_fee_percent</c>), the creator got <see cref="NetMinor"/>. Minor units of <see cref="Currency"/>.
/// One row per invoice (unique <see cref="StripeInvoiceId"/>).
/// </summary>
public class MembershipPayment
{
    private MembershipPayment()
    {
    }

    /// <summary>Records a paid invoice.</summary>
    public MembershipPayment(int membershipId, int creatorProfileId, string stripeInvoiceId, long amountMinor, long applicationFeeMinor,
        string currency, DateTime paidAt)
    {
        MembershipId = membershipId;
        CreatorProfileId = creatorProfileId;
        StripeInvoiceId = stripeInvoiceId;
        AmountMinor = amountMinor;
        ApplicationFeeMinor = applicationFeeMinor;
        Currency = currency;
        PaidAt = paidAt;
    }

    public int Id { get; private set; }

    public int MembershipId { get; private set; }

    public int CreatorProfileId { get; private set; }

    /// <summary><c>in_…</c>.</summary>
    public string StripeInvoiceId { get; private set; } = "";

    /// <summary>What the member paid (<c>amount_paid</c>).</summary>
    public long AmountMinor { get; private set; }

    /// <summary>The platform's application fee on the invoice's charge.</summary>
    public long ApplicationFeeMinor { get; private set; }

    /// <summary>What the creator receives: amount − application fee (before Stripe's fees, which the platform pays).</summary>
    public long NetMinor => AmountMinor - ApplicationFeeMinor;

    /// <summary>ISO 4217, lower case.</summary>
    public string Currency { get; private set; } = "";

    /// <summary>UTC (<c>status_transitions.paid_at</c>).</summary>
    public DateTime PaidAt { get; private set; }
}
