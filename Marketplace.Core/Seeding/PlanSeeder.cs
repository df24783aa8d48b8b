using Marketplace.Core.Data;
using Marketplace.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Seeding;

/// <summary>
/// Creates the standard plans (<see cref="PlanCatalog"/>) and their monthly and yearly EUR prices when they are
/// missing, and their French name and description when a plan has none yet. Idempotent: what exists, including an
/// admin's edits, is left alone.
/// </summary>
public sealed class PlanSeeder(MarketplaceDbContext db)
{
    /// <summary>Adds what is missing; returns how many plans and prices were created.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var plans = await db.Plans.Include(p => p.Prices).ToDictionaryAsync(p => p.Code, cancellationToken);
        var created = 0;
        for (var i = 0; i < PlanCatalog.Standard.Count; i++)
        {
            var entry = PlanCatalog.Standard[i];
            if (!plans.TryGetValue(entry.Code, out var plan))
            {
                plan = new Plan(entry.Code, entry.Name, entry.Description, (i + 1) * 10, entry.TrialDays, entry.Capabilities);
                plan.Translate(entry.NameFr, entry.DescriptionFr);
                db.Plans.Add(plan);
                created++;
            }
            else if (plan.NameFr.Length == 0 && plan.DescriptionFr.Length == 0)
            {
                plan.Translate(entry.NameFr, entry.DescriptionFr); // a database from before the French texts: fill them in once
            }

            if (entry.MonthlyAmountMinor == 0 || plan.Prices.Count > 0) continue;
            plan.AddPrice(PlanInterval.Month, entry.MonthlyAmountMinor, PlanCatalog.Currency);
            plan.AddPrice(PlanInterval.Year, entry.MonthlyAmountMinor * 10, PlanCatalog.Currency);
            created += 2;
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}
