using Marketplace.Core.Plans;

namespace Marketplace.Web.Models;

/// <summary>The plan cards shown on /pricing and on the creator's upgrade page.</summary>
/// <param name="Plans">Active plans, in display order, with their active prices.</param>
/// <param name="CurrentPlanId">The signed-in creator's plan, marked as current; null for visitors.</param>
public sealed record PlanCardsViewModel(IReadOnlyList<Plan> Plans, int? CurrentPlanId);
