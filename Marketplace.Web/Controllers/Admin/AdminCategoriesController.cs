using Marketplace.Core;
using Marketplace.Core.Accounts;
using Marketplace.Core.Categories;
using Marketplace.Web.Localization;
using Marketplace.Web.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Marketplace.Web.Controllers.Admin;

/// <summary>
/// The categories at <c>/admin/categories</c>: one form per category (address, English and French names, position),
/// one to add, delete (its listings keep no category). A refused form shows the page again (400) with the message and
/// what was typed.
/// </summary>
[Authorize(Policy = Roles.Admin)]
[AutoValidateAntiforgeryToken]
[Route("admin/categories")]
public sealed class AdminCategoriesController(CategoryCatalogue categories, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new AdminCategoriesViewModel(await categories.AllAsync(cancellationToken), null, null));

    [HttpPost("")]
    public async Task<IActionResult> Create(CategoryFormModel form, CancellationToken cancellationToken)
    {
        try
        {
            var category = await categories.CreateAsync(form.Slug, form.NameEn, form.NameFr, form.Position, cancellationToken);
            TempData["Message"] = text["Category “{0}” added.", category.NameEn].Value;
            return RedirectToAction(nameof(Index));
        }
        catch (DomainException ex)
        {
            return await Refused(form, ex, cancellationToken);
        }
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, CategoryFormModel form, CancellationToken cancellationToken)
    {
        form.Id = id;
        try
        {
            if (!await categories.UpdateAsync(id, form.Slug, form.NameEn, form.NameFr, form.Position, cancellationToken)) return NotFound();
            TempData["Message"] = text["Category “{0}” saved.", form.NameEn?.Trim() ?? ""].Value;
            return RedirectToAction(nameof(Index));
        }
        catch (DomainException ex)
        {
            return await Refused(form, ex, cancellationToken);
        }
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        if (!await categories.DeleteAsync(id, cancellationToken)) return NotFound();
        TempData["Message"] = text["Category deleted; its listings have no category now."].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> Refused(CategoryFormModel form, DomainException ex, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), new AdminCategoriesViewModel(await categories.AllAsync(cancellationToken), form, text.Say(ex.Text)));
    }
}
