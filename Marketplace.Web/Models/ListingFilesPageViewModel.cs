using Marketplace.Core.Deliveries;

namespace Marketplace.Web.Models;

/// <summary>The files page of a listing, with the message of a refused upload (null when none).</summary>
public sealed record ListingFilesPageViewModel(ListingFilesView View, string? Error);
