using System.Globalization;
using Marketplace.Core;
using Marketplace.Core.Accounts;
using Marketplace.Core.Amounts;
using Marketplace.Core.Plans;
using Marketplace.Web.Models;
using Marketplace.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OutputCaching;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>Plan management for admins at <c>/admin/plans</c>: list, create, edit, activate/deactivate, sync to Stripe.</summary>
[Authorize(Policy = Roles.Admin)]
[AutoValidateAntiforgeryToken]
[Route("admin/plans")]
public sealed class AdminPlansController(PlanCatalogAdmin catalog, IOutputCacheStore outputCache, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await catalog.AllAsync(cancellationToken));

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new PlanFormModel());

    [HttpPost("new")]
    public async Task<IActionResult> Create(PlanFormModel form, CancellationToken cancellationToken)
    {
        if (!TryAmounts(form, out var monthly, out var yearly)) return View("Edit", form);
        try
        {
            var plan = await catalog.CreateAsync(form.Code, form.Name, form.Description ?? "", form.SortOrder, form.TrialDays, form.Capabilities,
                form.Currency.ToLowerInvariant(), monthly, yearly, cancellationToken, form.NameFr, form.DescriptionFr);
            await EvictPlanPagesAsync(cancellationToken);
            TempData["Message"] = text["{0} created; its prices are being synced to Stripe.", plan.Name].Value;
            return RedirectToAction(nameof(Index));
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, text.Say(ex.Text));
            return View("Edit", form);
        }
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await catalog.FindAsync(id, cancellationToken) is { } plan ? View(PlanFormModel.From(plan, CultureInfo.CurrentCulture)) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, PlanFormModel form, CancellationToken cancellationToken)
    {
        form.Id = id;
        ModelState.Remove(nameof(PlanFormModel.Code));
        if (!TryAmounts(form, out var monthly, out var yearly)) return View(form);
        try
        {
            await catalog.UpdateAsync(id, form.Name, form.Description ?? "", form.SortOrder, form.TrialDays, form.Capabilities,
                form.Currency.ToLowerInvariant(), monthly, yearly, cancellationToken, form.NameFr, form.DescriptionFr);
            await EvictPlanPagesAsync(cancellationToken);
            TempData["Message"] = text["{0} saved; Stripe is being updated.", form.Name].Value;
            return RedirectToAction(nameof(Index));
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, text.Say(ex.Text));
            return View(form);
        }
    }

    [HttpPost("{id:int}/active")]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken cancellationToken)
    {
        try
        {
            await catalog.SetActiveAsync(id, active, cancellationToken);
            await EvictPlanPagesAsync(cancellationToken);
            TempData["Message"] = (active ? text["Plan activated."] : text["Plan deactivated: creators can no longer choose it; subscribers keep it."]).Value;
        }
        catch (DomainException ex)
        {
            TempData["Error"] = text.Say(ex.Text);
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost("sync")]
    public IActionResult SyncNow()
    {
        catalog.EnqueueSyncAll();
        TempData["Message"] = text["Sync with Stripe started; refresh in a few seconds to see the Stripe ids."].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>
    /// Reads the major-unit amounts in the request's culture as minor units (<see cref="AmountParser"/>); false, with the
    /// message on the field, when the currency or an amount is refused. An empty amount is no price.
    /// </summary>
    private bool TryAmounts(PlanFormModel form, out long? monthly, out long? yearly)
    {
        monthly = yearly = null;
        if (!StripeCurrencies.IsSupported(form.Currency))
        {
            if (ModelState.GetFieldValidationState(nameof(PlanFormModel.Currency)) != ModelValidationState.Invalid)
                ModelState.AddModelError(nameof(PlanFormModel.Currency), text.Say(AmountParser.Parse("1", form.Currency, CultureInfo.InvariantCulture).Error!));
            return false;
        }

        monthly = Amount(form.MonthlyAmount, form.Currency, nameof(PlanFormModel.MonthlyAmount));
        yearly = Amount(form.YearlyAmount, form.Currency, nameof(PlanFormModel.YearlyAmount));
        return ModelState.IsValid;
    }

    private long? Amount(string? typed, string? currency, string field)
    {
        if (string.IsNullOrWhiteSpace(typed) || ModelState.GetFieldValidationState(field) == ModelValidationState.Invalid) return null;
        var amount = AmountParser.Parse(typed, currency, CultureInfo.CurrentCulture);
        if (!amount.IsValid) ModelState.AddModelError(field, text.Say(amount.Error!));
        return amount.Minor;
    }

    /// <summary>Drops this process's output-cached pages that show the plans (<c>/pricing</c>); see <see cref="Caching.PageOutputCaching"/>.</summary>
    private ValueTask EvictPlanPagesAsync(CancellationToken cancellationToken) =>
        outputCache.EvictByTagAsync(Caching.PageOutputCaching.PlanCatalogueTag, cancellationToken);
}
