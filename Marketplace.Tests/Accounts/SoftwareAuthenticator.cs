using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Tests.Accounts;

/// <summary>
/// A passkey authenticator in code, doing what a browser's <c>navigator.credentials.create/get</c> and a platform
/// authenticator do (WebAuthn Level 3, https://www.w3.org/TR/webauthn-3/): one ES256 (P-256) discoverable credential,
/// user present and verified, attestation <c>none</c>, and the JSON a browser's <c>PublicKeyCredential.toJSON()</c>
/// gives. <see cref="Create"/> reads the server's creation options (challenge, <c>rp.id</c>, <c>user.id</c>);
/// <see cref="Get"/> signs the request options' challenge, counting signatures as an authenticator does.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _credentialId = RandomNumberGenerator.GetBytes(32);
    private string _userHandle = "";
    private string _rpId = "";
    private uint _signCount;

    /// <summary>The credential id, Base64Url (as the account page lists it).</summary>
    public string CredentialId => WebEncoders.Base64UrlEncode(_credentialId);

    /// <summary>The credential JSON for <paramref name="creationOptionsJson"/>, made at <paramref name="origin"/> (e.g. <c>http://localhost</c>).</summary>
    public string Create(string creationOptionsJson, string origin)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        _rpId = (string?)options["rp"]?["id"] ?? new Uri(origin).Host;
        _userHandle = (string)options["user"]!["id"]!;
        var clientData = ClientData("webauthn.create", (string)options["challenge"]!, origin);
        var parameters = _key.ExportParameters(false);
        var coseKey = Cbor.Map(
            (Cbor.Int(1), Cbor.Int(2)), (Cbor.Int(3), Cbor.Int(-7)), (Cbor.Int(-1), Cbor.Int(1)),
            (Cbor.Int(-2), Cbor.Bytes(parameters.Q.X!)), (Cbor.Int(-3), Cbor.Bytes(parameters.Q.Y!)));
        var authenticatorData = Concat(SHA256.HashData(Encoding.UTF8.GetBytes(_rpId)), [0x45], BigEndian(_signCount),
            new byte[16], [(byte)(_credentialId.Length >> 8), (byte)_credentialId.Length], _credentialId, coseKey);
        var attestationObject = Cbor.Map((Cbor.Text("fmt"), Cbor.Text("none")), (Cbor.Text("attStmt"), Cbor.Map()),
            (Cbor.Text("authData"), Cbor.Bytes(authenticatorData)));
        return Json(new JsonObject
        {
            ["clientDataJSON"] = B64(clientData),
            ["authenticatorData"] = B64(authenticatorData),
            ["transports"] = new JsonArray("internal"),
            ["publicKey"] = B64(_key.ExportSubjectPublicKeyInfo()),
            ["publicKeyAlgorithm"] = -7,
            ["attestationObject"] = B64(attestationObject),
        });
    }

    /// <summary>The assertion JSON for <paramref name="requestOptionsJson"/> at <paramref name="origin"/>, signed with this credential's key (or <paramref name="signer"/>'s).</summary>
    public string Get(string requestOptionsJson, string origin, ECDsa? signer = null)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var rpId = (string?)options["rpId"] ?? _rpId;
        var clientData = ClientData("webauthn.get", (string)options["challenge"]!, origin);
        _signCount++;
        var authenticatorData = Concat(SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), [0x05], BigEndian(_signCount));
        var signature = (signer ?? _key).SignData(Concat(authenticatorData, SHA256.HashData(clientData)), HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence);
        return Json(new JsonObject
        {
            ["clientDataJSON"] = B64(clientData),
            ["authenticatorData"] = B64(authenticatorData),
            ["signature"] = B64(signature),
            ["userHandle"] = _userHandle,
        });
    }

    public void Dispose() => _key.Dispose();

    private string Json(JsonObject response) => new JsonObject
    {
        ["id"] = CredentialId,
        ["rawId"] = CredentialId,
        ["type"] = "public-key",
        ["authenticatorAttachment"] = "platform",
        ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
    }.ToJsonString();

    private static byte[] ClientData(string type, string challenge, string origin) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["type"] = type, ["challenge"] = challenge, ["origin"] = origin, ["crossOrigin"] = false });

    private static string B64(byte[] bytes) => WebEncoders.Base64UrlEncode(bytes);

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    /// <summary>The little CBOR (RFC 8949) WebAuthn needs: integers, byte and text strings, maps.</summary>
    private static class Cbor
    {
        public static byte[] Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

        public static byte[] Bytes(byte[] value) => Concat(Head(2, (ulong)value.Length), value);

        public static byte[] Text(string value)
        {
            var utf8 = Encoding.UTF8.GetBytes(value);
            return Concat(Head(3, (ulong)utf8.Length), utf8);
        }

        public static byte[] Map(params (byte[] Key, byte[] Value)[] entries) =>
            Concat([Head(5, (ulong)entries.Length), .. entries.SelectMany(e => new[] { e.Key, e.Value })]);

        private static byte[] Head(int major, ulong value) => value switch
        {
            < 24 => [(byte)((major << 5) | (int)value)],
            <= byte.MaxValue => [(byte)((major << 5) | 24), (byte)value],
            <= ushort.MaxValue => [(byte)((major << 5) | 25), (byte)(value >> 8), (byte)value],
            _ => [(byte)((major << 5) | 26), (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value],
        };
    }
}
