namespace Marketplace.Web.Models;

/// <summary>A listing's public page: the listing and its shop, whether the visitor owns it, and a message to show.</summary>
public sealed record ListingPageViewModel(Marketplace.Core.Listings.StorefrontListing Shown, bool IsOwner, string? Error, string? Info);
