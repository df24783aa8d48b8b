using Marketplace.Core;
using Marketplace.Core.Accounts;
using Marketplace.Core.Connect;
using Marketplace.Core.Data;
using Marketplace.StripeGateway;
using Marketplace.Web.Errors;
using Marketplace.Web.Localization;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>
/// Creators' payout schedule for admins at <c>/admin/payout-schedule</c> (https://docs.stripe.com/connect/manage-payout-schedule):
/// the platform's schedule and the progress of putting a change on every account (a background job), and one creator's
/// own schedule (<c>?creator={id}</c>), changed on Stripe at once. Creators held as new or paused stay manual until released.
/// </summary>
[Authorize(Policy = Roles.Admin)]
[AutoValidateAntiforgeryToken]
[Route("admin/payout-schedule")]
public sealed class AdminPayoutScheduleController(MarketplaceDbContext db, PayoutControl payouts, PayoutScheduleRollout rollout,
    IStringLocalizer<SharedResource> text) : Controller
{
    /// <summary>The page; with <paramref name="creator"/>, that creator's form too.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? creator, CancellationToken cancellationToken) =>
        View(await ModelAsync(creator, cancellationToken));

    /// <summary>Makes the form's schedule every creator's: saved, then put on each account by <see cref="ApplyPayoutScheduleJob"/>.</summary>
    [HttpPost("")]
    public async Task<IActionResult> ChangeAll(PayoutScheduleForm form, CancellationToken cancellationToken)
    {
        PayoutScheduleSettings schedule;
        try
        {
            schedule = PayoutScheduleChoice.Parse(form.Interval, form.WeeklyAnchor, form.MonthlyAnchor, form.DelayDays);
        }
        catch (DomainException ex)
        {
            return await InvalidAsync(text.Say(ex.Text), null, cancellationToken);
        }

        if (!ModelState.IsValid) return await InvalidAsync(text["Delay days and the day of the month are whole numbers."].Value, null, cancellationToken);
        var total = await rollout.StartAsync(schedule, cancellationToken);
        TempData["Message"] = text["The new schedule is being put on {0} creator accounts; progress below.", total].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// Gives creator <paramref name="id"/> the form's schedule of their own, or the platform's again with
    /// <paramref name="usePlatform"/>; Stripe is told at once.
    /// </summary>
    [HttpPost("creators/{id:int}")]
    [OnStripeFailure("/admin/payout-schedule?creator={id}", RefusalMessage = "Stripe refused the schedule: {0}")]
    public async Task<IActionResult> ChangeOne(int id, PayoutScheduleForm form, bool usePlatform, CancellationToken cancellationToken)
    {
        try
        {
            if (!usePlatform && !ModelState.IsValid) throw new DomainException("Delay days and the day of the month are whole numbers.");
            var schedule = usePlatform ? null : PayoutScheduleChoice.Parse(form.Interval, form.WeeklyAnchor, form.MonthlyAnchor, form.DelayDays);
            var name = await payouts.ChangeScheduleAsync(id, schedule, cancellationToken);
            TempData["Message"] = text["{0}'s payout schedule is changed.", name].Value;
        }
        catch (DomainException ex)
        {
            return await InvalidAsync(text.Say(ex.Text), id, cancellationToken);
        }

        return Redirect($"/admin/payout-schedule?creator={id}");
    }

    private async Task<IActionResult> InvalidAsync(string error, int? creator, CancellationToken cancellationToken)
    {
        ViewData["Error"] = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), await ModelAsync(creator, cancellationToken));
    }

    private async Task<AdminPayoutScheduleViewModel> ModelAsync(int? creator, CancellationToken cancellationToken)
    {
        var platform = await payouts.PlatformScheduleAsync(cancellationToken);
        var progress = await rollout.CurrentAsync(cancellationToken);
        AdminPayoutScheduleViewModel.CreatorSchedule? one = null;
        if (creator is { } id)
        {
            var account = await db.CreatorStripeAccounts.AsNoTracking().Include(a => a.CreatorProfile).SingleOrDefaultAsync(a => a.CreatorProfileId == id, cancellationToken);
            if (account is not null)
                one = new(id, account.CreatorProfile!.DisplayName, account.OwnPayoutSchedule, account.PayoutsHeldSince is not null, account.PayoutsPausedReason is not null);
        }

        return new AdminPayoutScheduleViewModel(platform, progress, one);
    }
}
