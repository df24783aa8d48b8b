namespace Marketplace.Web.Localization;

/// <summary>
/// The resource of strings that are not a view's own: validation messages and display names (DataAnnotations),
/// TempData messages of controllers, Core's messages (payment guard reasons, Stripe requirement words), ProblemDetails
/// titles and details. Keys are the English text; <c>Resources/Localization/SharedResource.en.resx</c> and
/// <c>.fr.resx</c> hold the same keys.
/// </summary>
public sealed class SharedResource;
