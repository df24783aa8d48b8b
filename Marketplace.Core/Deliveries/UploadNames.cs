using System.Text.RegularExpressions;

namespace Marketplace.Core.Deliveries;

/// <summary>Cleans what a browser says about an uploaded file before it is stored and shown.</summary>
public static partial class UploadNames
{
    /// <summary>
    /// The file name without any folder (<c>C:\x\a.pdf</c> → <c>a.pdf</c>), control characters and quotes removed,
    /// at most <see cref="ListingFile.MaxNameLength"/> characters (the extension kept); <c>file</c> when nothing is left.
    /// </summary>
    public static string FileName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/')[^1];
        var clean = new string([.. last.Where(c => !char.IsControl(c) && c is not '"')]).Trim().Trim('.');
        if (clean.Length == 0) return "file";
        if (clean.Length <= ListingFile.MaxNameLength) return clean;
        var extension = Path.GetExtension(clean);
        if (extension.Length > 20) extension = "";
        return clean[..(ListingFile.MaxNameLength - extension.Length)] + extension;
    }

    /// <summary>The MIME type when it looks like one (<c>type/subtype</c>, no parameters kept), else <c>application/octet-stream</c>.</summary>
    public static string ContentType(string? contentType)
    {
        var type = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return type.Length <= 127 && MimeType().IsMatch(type) ? type : "application/octet-stream";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$")]
    private static partial Regex MimeType();
}
