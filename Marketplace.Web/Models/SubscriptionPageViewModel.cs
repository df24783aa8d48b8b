using Marketplace.Core.Creators;
using Marketplace.Core.Subscriptions;

namespace Marketplace.Web.Models;

/// <summary>The creator's subscription page: who, and their <see cref="BillingOverview"/>.</summary>
public sealed record SubscriptionPageViewModel(CreatorProfile Creator, BillingOverview Overview);

/// <summary>The plan change confirm page: the plan and interval to post back, and what will happen.</summary>
public sealed record PlanChangeViewModel(int PlanId, string Interval, PlanChangePreview Preview);
