using Marketplace.Core.Images;
using Marketplace.Core.Listings;
using Marketplace.Core.Text;
using Marketplace.Web.Models;

namespace Marketplace.Web.Listings;

/// <summary>
/// Reads the listing form's files (<c>Cover</c>, <c>Gallery</c>) through <see cref="ImageRenditions"/> into the
/// <see cref="ListingImageChanges"/> Core saves, or the first refusal, naming the file. Nothing is stored here: the
/// renditions stay in memory until the whole form is valid.
/// </summary>
public sealed class ListingImageUploads(ImageRenditions renditions)
{
    /// <summary>Largest form body the listing form accepts, in bytes (a cover and 8 gallery pictures of 10 MB, and the text).</summary>
    public const long MaxFormBytes = 100_000_000;

    /// <summary>The form's picture changes, or the error to show on the form (nothing is stored either way).</summary>
    public (ListingImageChanges? Changes, CoreMessage? Error) Read(ListingFormModel form)
    {
        ProcessedImage? cover = null;
        if (form.Cover is { Length: > 0 } coverFile)
        {
            var result = Process(coverFile);
            if (result.Error is not null) return (null, result.Error);
            cover = result.Image;
        }

        var gallery = new List<ProcessedImage>();
        var files = (form.Gallery ?? []).Where(f => f.Length > 0).ToList();
        if (files.Count > ListingImage.MaxGallery) return (null, CoreMessage.Of("A listing has at most {0} gallery images.", ListingImage.MaxGallery));
        foreach (var file in files)
        {
            var result = Process(file);
            if (result.Error is not null) return (null, result.Error);
            gallery.Add(result.Image!);
        }

        return (new ListingImageChanges(cover, form.CoverAlt, gallery, (form.RemoveImages ?? []).ToHashSet()), null);
    }

    private ImageUploadResult Process(IFormFile file)
    {
        using var stream = file.OpenReadStream();
        var result = renditions.Process(stream);
        return result.Error is null ? result
            : new(null, CoreMessage.Of("{0}: {1}", Path.GetFileName(file.FileName), result.Error));
    }
}
