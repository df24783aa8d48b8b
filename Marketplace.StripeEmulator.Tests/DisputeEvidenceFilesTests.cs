using Marketplace.StripeEmulator.Tests.Infrastructure;
using Stripe;

namespace Marketplace.StripeEmulator.Tests;

/// <summary>
/// Evidence files: <c>POST /v1/files</c> (multipart, <c>purpose=dispute_evidence</c>, PDF/JPEG/PNG up to 5 MB) through
/// Stripe.net's FileService, <c>GET /v1/files/{id}</c>, and a dispute's file fields that must name an uploaded file.
/// </summary>
public sealed class DisputeEvidenceFilesTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static Task<Stripe.File> UploadAsync(StripeClient client, byte[] bytes, string purpose = "dispute_evidence") =>
        client.V1.Files.CreateAsync(new FileCreateOptions { File = new MultipartFileContent { Data = new MemoryStream(bytes), Name = "evidence.pdf", Type = "application/pdf" }, Purpose = purpose });

    [Fact]
    public async Task CreateFile_PdfForDisputeEvidence_StoredAndRetrievable()
    {
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        var file = await UploadAsync(client, Pdf);
        var fetched = await client.V1.Files.GetAsync(file.Id);

        file.Id.Should().StartWith("file_");
        (fetched.Purpose, fetched.Type, fetched.Size).Should().Be(("dispute_evidence", "pdf", (long)Pdf.Length));
    }

    [Fact]
    public async Task CreateFile_TextFile_RefusedOnFileWithStripesErrorShape()
    {
        var client = emulator.Client(EmulatorFixture.NewApiKey());

        var act = () => UploadAsync(client, "just words"u8.ToArray());

        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        (error.HttpStatusCode, error.StripeError.Type, error.StripeError.Param).Should().Be((System.Net.HttpStatusCode.BadRequest, "invalid_request_error", "file"));
    }

    [Fact]
    public async Task CreateFile_LargerThanFiveMegabytes_Refused()
    {
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var big = new byte[5 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);

        var act = () => UploadAsync(client, big);

        (await act.Should().ThrowAsync<StripeException>()).Which.StripeError.Message.Should().Contain("at most 5242880 bytes");
    }

    [Fact]
    public async Task UpdateDispute_ReceiptNamesAnUploadedFile_EvidenceKeepsIt()
    {
        var key = EmulatorFixture.NewApiKey();
        var client = emulator.Client(key);
        var dispute = await DisputedAsync(client);
        var file = await UploadAsync(client, Pdf);

        var updated = await client.V1.Disputes.UpdateAsync(dispute.Id, new DisputeUpdateOptions
        {
            Evidence = new DisputeEvidenceOptions { Receipt = file.Id, UncategorizedText = "See the receipt." },
            Submit = true,
        });

        (updated.Status, updated.Evidence.ReceiptId).Should().Be(("under_review", file.Id));
    }

    [Fact]
    public async Task UpdateDispute_UnknownFileId_RefusedAndTheDisputeStillNeedsAResponse()
    {
        var client = emulator.Client(EmulatorFixture.NewApiKey());
        var dispute = await DisputedAsync(client);

        var act = () => client.V1.Disputes.UpdateAsync(dispute.Id, new DisputeUpdateOptions
        {
            Evidence = new DisputeEvidenceOptions { UncategorizedFile = "file_doesnotexist" },
            Submit = true,
        });

        var error = (await act.Should().ThrowAsync<StripeException>()).Which;
        (error.StripeError.Code, error.StripeError.Param).Should().Be(("resource_missing", "evidence[uncategorized_file]"));
        (await client.V1.Disputes.GetAsync(dispute.Id)).Status.Should().Be("needs_response");
    }

    private async Task<Dispute> DisputedAsync(StripeClient client)
    {
        var account = await PaymentScenarios.OnboardedExpressAccountAsync(emulator, client);
        var session = await PaymentScenarios.PaidDestinationCheckoutAsync(emulator, client, account.Id, 2500, "eur", 250, "4000000000000259");
        return (await client.V1.Disputes.ListAsync(new DisputeListOptions { Charge = session.PaymentIntent.LatestChargeId })).Data.Single();
    }
}
