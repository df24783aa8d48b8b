using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Web.Deliveries;

/// <summary>
/// Reads a multipart upload from <c>Request.Body</c> section by section (<see cref="MultipartReader"/>, as in the ASP.NET
/// Core "Upload files" large-file sample), so a file is never buffered in memory or in a temporary form file.
/// Antiforgery: <see cref="IAntiforgery.ValidateRequestAsync"/> reads the whole form unless the token is in the
/// <c>RequestVerificationToken</c> header, so a request without that header must send the token field
/// (<c>__RequestVerificationToken</c>) as its <b>first</b> section; its value is read (a few bytes) and copied into the
/// header, then the request is validated as usual, before any file byte is read. Plain HTML forms work (no script).
/// </summary>
public static class StreamedUpload
{
    /// <summary>The form field and header of the antiforgery token.</summary>
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The antiforgery header (ASP.NET Core's default <c>AntiforgeryOptions.HeaderName</c>).</summary>
    public const string TokenHeader = "RequestVerificationToken";

    /// <summary>
    /// Validates the request's antiforgery token and moves to its first file section, raising the request's body size
    /// limit to <paramref name="maxBodyBytes"/> first. Returns the section (its <c>Body</c> streams the file, its name and
    /// type from its headers), or null with the problem when the request is not a multipart form with a valid token and a file section.
    /// </summary>
    public static async Task<(FileMultipartSection? File, UploadProblem Problem)> OpenFileAsync(HttpContext context, IAntiforgery antiforgery, long maxBodyBytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = maxBodyBytes;
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return (null, UploadProblem.NotMultipart);

        var reader = new MultipartReader(boundary, request.Body);
        var section = await reader.ReadNextSectionAsync(context.RequestAborted);
        if (!request.Headers.ContainsKey(TokenHeader))
        {
            if (section?.GetContentDispositionHeader() is not { } first || !first.IsFormDisposition() || first.Name.Value != TokenField)
                return (null, UploadProblem.BadToken);
            using var value = new StreamReader(section.Body);
            var buffer = new char[2048];
            var read = await value.ReadBlockAsync(buffer, context.RequestAborted);
            if (read == buffer.Length) return (null, UploadProblem.BadToken);
            request.Headers[TokenHeader] = new string(buffer, 0, read);
            section = await reader.ReadNextSectionAsync(context.RequestAborted);
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return (null, UploadProblem.BadToken);
        }

        for (; section is not null; section = await reader.ReadNextSectionAsync(context.RequestAborted))
            if (section.GetContentDispositionHeader() is { } disposition && disposition.IsFileDisposition())
                return (new FileMultipartSection(section, disposition), UploadProblem.None);
        return (null, UploadProblem.NoFile);
    }
}

/// <summary>Why an upload request could not be read.</summary>
public enum UploadProblem
{
    None,
    NotMultipart,
    BadToken,
    NoFile,
}
