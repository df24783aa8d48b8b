using Marketplace.Core.Connect;
using Marketplace.Core.Plans;

namespace Marketplace.Web.Models;

/// <summary>The plan cards shown on /pricing and on the creator's upgrade page.</summary>
/// <param name="Plans">Active plans, in display order, with their active prices.</param>
/// <param name="CurrentPlanId">The signed-in creator's plan, marked as current; null for visitors.</param>
/// <param name="CanSelect">Show the "choose" buttons (signed-in creators).</param>
/// <param name="Eligibility">The payment guard's result for the creator, shown before they click; null for visitors.</param>
/// <param name="ChangesPlan">The creator has a live paid subscription: the buttons lead to the plan change confirm page.</param>
public sealed record PlanCardsViewModel(IReadOnlyList<Plan> Plans, int? CurrentPlanId, bool CanSelect = false, PaymentEligibilityResult? Eligibility = null,
    bool ChangesPlan = false);
