using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Files;

/// <summary>
/// File uploads (https://docs.stripe.com/api/files, https://docs.stripe.com/file-upload): <c>POST /v1/files</c> as
/// <c>multipart/form-data</c> with <c>file</c> and <c>purpose</c> (Stripe.net sends it to <c>FilesBase</c>, files.stripe.com in
/// production: the app points that base at the emulator too), <c>GET /v1/files/{id}</c> and <c>GET /v1/files</c>
/// (<c>purpose</c>). Only <c>dispute_evidence</c> is modelled: a PDF, JPEG or PNG (told by the file's first bytes, as
/// Stripe reads the content rather than the name) of at most <see cref="MaxDisputeEvidenceBytes"/>; anything else is a
/// 400 <c>invalid_request_error</c> on <c>file</c>. The bytes are kept in memory with the object (no <c>/contents</c> download).
/// </summary>
internal static class FilesApi
{
    public const string ObjectType = "file";

    /// <summary>Stripe's size limit for one <c>dispute_evidence</c> upload, bytes (5 MB).</summary>
    public const long MaxDisputeEvidenceBytes = 5 * 1024 * 1024;

    private static readonly string[] Purposes =
    [
        "account_requirement", "additional_verification", "business_icon", "business_logo", "customer_signature", "dispute_evidence",
        "identity_document", "issuing_regulatory_reporting", "pci_document", "tax_document_user_upload", "terminal_android_apk",
        "terminal_reader_splashscreen",
    ];

    public static void Map(IEndpointRouteBuilder r)
    {
        ReadOnlyResource.MapRetrieveAndList(r, "/v1/files", ObjectType, "purpose");
        r.MapStripe("POST", "/v1/files", Create);
    }

    /// <summary>The file <paramref name="id"/> when it exists on <paramref name="account"/> with purpose <c>dispute_evidence</c>; null otherwise.</summary>
    public static Resource? DisputeEvidence(KeyState state, string id, string? account) =>
        state.Find(id) is { ObjectType: ObjectType } file && file.Account == account && file.Str("purpose") == "dispute_evidence" ? file : null;

    private static JsonNode Create(ApiContext ctx)
    {
        var p = ctx.Params;
        var purpose = p.Str("purpose") ?? throw StripeApiException.Missing("purpose");
        _ = p.Str("file");
        p.RejectUnknown();
        if (!Purposes.Contains(purpose))
            throw StripeApiException.Invalid("purpose", $"Invalid purpose: must be one of {string.Join(", ", Purposes)}");
        var upload = ctx.Http.Request.HasFormContentType ? ctx.Http.Request.Form.Files.GetFile("file") : null;
        if (upload is null) throw StripeApiException.Missing("file");
        if (purpose != "dispute_evidence")
            throw StripeApiException.BadRequest($"The emulator models file uploads for dispute_evidence only, not {purpose}.", "purpose");

        using var stream = upload.OpenReadStream();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) throw StripeApiException.Invalid("file", "The file is empty.");
        if (bytes.Length > MaxDisputeEvidenceBytes)
            throw StripeApiException.Invalid("file",
                $"The file is {bytes.Length} bytes; files for purpose dispute_evidence must be at most {MaxDisputeEvidenceBytes} bytes (5 MB).");
        var type = TypeOf(bytes) ?? throw StripeApiException.Invalid("file",
            "Invalid file type: files for purpose dispute_evidence must be PDF, JPEG or PNG.");

        var id = Ids.New("file_");
        var json = new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["created"] = ctx.Now,
            ["expires_at"] = null,
            ["filename"] = string.IsNullOrEmpty(upload.FileName) ? "file" : Path.GetFileName(upload.FileName),
            ["links"] = Json.List($"/v1/file_links?file={id}", []),
            ["purpose"] = purpose,
            ["size"] = bytes.Length,
            ["title"] = null,
            ["type"] = type,
            ["url"] = $"{ctx.BaseUrl.TrimEnd('/')}/v1/files/{id}/contents",
        };
        var file = ctx.State.Add(id, ObjectType, ctx.Account, json);
        file.Internal["content_base64"] = Convert.ToBase64String(bytes);
        return file.Snapshot();
    }

    /// <summary>Stripe's <c>type</c> of the content (<c>pdf</c>, <c>jpg</c>, <c>png</c>) from its signature; null for anything else.</summary>
    private static string? TypeOf(byte[] bytes) => bytes switch
    {
        [0x25, 0x50, 0x44, 0x46, ..] => "pdf",                            // %PDF
        [0xFF, 0xD8, 0xFF, ..] => "jpg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "png",
        _ => null,
    };
}
