namespace Marketplace.Core.Plans;

/// <summary>Billing interval of a <see cref="PlanPrice"/>, Stripe's <c>recurring.interval</c> (<c>month</c> or <c>year</c>).</summary>
public enum PlanInterval
{
    Month,
    Year,
}
