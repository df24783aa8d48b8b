using System.Text.Json.Nodes;
using Marketplace.StripeEmulator.Api;
using Marketplace.StripeEmulator.Payments;
using Marketplace.StripeEmulator.State;

namespace Marketplace.StripeEmulator.Resources.Disputes;

/// <summary>
/// Disputes (https://docs.stripe.com/api/disputes): retrieve, list (<c>charge</c>, <c>payment_intent</c>), update
/// (<c>evidence[…]</c>: text fields, and file fields naming an uploaded <c>dispute_evidence</c> file, <c>metadata</c>, <c>submit</c>: <c>charge.dispute.updated</c>, <c>under_review</c> once submitted).
/// A charge paid with 4000 0000 0000 0259 is disputed at once; the control API closes a dispute (see <see cref="Disputing"/>).
/// </summary>
internal static class DisputesApi
{
    public const string ObjectType = "dispute";

    /// <summary>The evidence fields that take text (https://docs.stripe.com/api/disputes/update#update_dispute-evidence).</summary>
    private static readonly string[] TextFields =
    [
        "access_activity_log", "billing_address", "cancellation_policy_disclosure", "cancellation_rebuttal",
        "customer_email_address", "customer_name", "customer_purchase_ip", "duplicate_charge_explanation", "duplicate_charge_id",
        "product_description", "refund_policy_disclosure", "refund_refusal_explanation", "service_date",
        "shipping_address", "shipping_carrier", "shipping_date", "shipping_tracking_number", "uncategorized_text",
    ];

    /// <summary>The evidence fields that take the id of a file uploaded with purpose <c>dispute_evidence</c>.</summary>
    private static readonly string[] FileFields =
    [
        "cancellation_policy", "customer_communication", "customer_signature", "duplicate_charge_documentation", "receipt",
        "refund_policy", "service_documentation", "shipping_documentation", "uncategorized_file",
    ];

    private static IEnumerable<string> EvidenceFields => TextFields.Concat(FileFields);

    public static void Map(IEndpointRouteBuilder r)
    {
        ReadOnlyResource.MapRetrieveAndList(r, "/v1/disputes", ObjectType, "charge", "payment_intent");
        r.MapStripe("POST", "/v1/disputes/{id}", Update);
    }

    /// <summary>A dispute (https://docs.stripe.com/api/disputes/object) of <paramref name="charge"/>, <c>needs_response</c>, due in 7 days.</summary>
    public static JsonObject New(string id, Resource charge, string reason, long now)
    {
        var evidence = new JsonObject();
        foreach (var field in EvidenceFields) evidence[field] = null;
        return new JsonObject
        {
            ["id"] = id,
            ["object"] = ObjectType,
            ["amount"] = charge.Json["amount"]!.AsLong(),
            ["balance_transactions"] = new JsonArray(),
            ["charge"] = charge.Id,
            ["created"] = now,
            ["currency"] = charge.Str("currency"),
            ["enhanced_eligibility_types"] = new JsonArray(),
            ["evidence"] = evidence,
            ["evidence_details"] = new JsonObject
            {
                ["due_by"] = now + Disputing.ResponseWindowSeconds,
                ["enhanced_eligibility"] = new JsonObject(),
                ["has_evidence"] = false,
                ["past_due"] = false,
                ["submission_count"] = 0,
            },
            ["is_charge_refundable"] = false,
            ["livemode"] = false,
            ["metadata"] = new JsonObject(),
            ["payment_intent"] = charge.Str("payment_intent"),
            ["payment_method_details"] = new JsonObject
            {
                ["card"] = new JsonObject
                {
                    ["brand"] = charge.Json["payment_method_details"]?["card"]?["brand"]?.DeepClone(),
                    ["case_type"] = "chargeback",
                    ["network_reason_code"] = "10.4",
                },
                ["type"] = "card",
            },
            ["reason"] = reason,
            ["status"] = "needs_response",
        };
    }

    private static JsonNode Update(ApiContext ctx)
    {
        var p = ctx.Params;
        var evidence = p.Obj("evidence");
        var values = new Dictionary<string, string>();
        foreach (var field in EvidenceFields)
            if (evidence?.Str(field) is { } value) values[field] = value;
        var metadata = p.Map("metadata", out var clear);
        var submit = p.Bool("submit") ?? true;
        p.RejectUnknown();
        var dispute = ctx.State.Get(ctx.Id, ObjectType, ctx.Account, "dispute");
        // A file field names an uploaded file of this account with purpose dispute_evidence (empty clears it).
        foreach (var field in FileFields)
            if (values.TryGetValue(field, out var fileId) && fileId.Length > 0 && Files.FilesApi.DisputeEvidence(ctx.State, fileId, ctx.Account) is null)
                throw StripeApiException.BadRequest($"No such file upload: '{fileId}'", $"evidence[{field}]", "resource_missing");
        if (dispute.Str("status") is not ("needs_response" or "warning_needs_response"))
            throw StripeApiException.BadRequest($"This dispute is already {dispute.Str("status")} and cannot be updated.", null);
        ctx.Update(dispute, "charge.dispute.updated", json =>
        {
            foreach (var (field, value) in values) json["evidence"]![field] = value;
            Json.MergeMetadata(json, metadata, clear);
            var details = json["evidence_details"]!;
            if (values.Count > 0) details["has_evidence"] = true;
            if (submit)
            {
                details["submission_count"] = details["submission_count"]!.AsLong() + 1;
                // Stripe takes a late submission but marks it: "past_due … delivery of the latest evidence is not guaranteed"
                // (https://docs.stripe.com/api/disputes/object#dispute_object-evidence_details-past_due).
                details["past_due"] = ctx.Now > details["due_by"]!.AsLong();
                json["status"] = "under_review";
            }
        });
        return dispute.Snapshot();
    }
}
