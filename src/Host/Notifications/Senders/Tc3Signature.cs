using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflows.Host.Notifications.Senders;

/// <summary>
/// TencentCloud API 3.0 signature v3 (TC3-HMAC-SHA256) for a POST with a JSON body, signing the two headers the
/// documentation requires (content-type and host).
/// </summary>
internal static class Tc3Signature
{
    public const string Algorithm = "TC3-HMAC-SHA256";
    public const string SignedHeaders = "content-type;host";

    /// <summary>
    /// Method, URI "/", empty query (POST), the signed headers as lower-case <c>key:value\n</c>, their names, and
    /// the lower-case hex SHA-256 of the exact body bytes sent.
    /// </summary>
    public static string CanonicalRequest(string contentType, string host, ReadOnlySpan<byte> payload) =>
        "POST\n/\n\n"
        + "content-type:" + contentType.Trim().ToLowerInvariant() + "\n"
        + "host:" + host.Trim().ToLowerInvariant() + "\n"
        + "\n"
        + SignedHeaders + "\n"
        + Hex(SHA256.HashData(payload));

    /// <summary>The credential scope's date is the UTC date of the timestamp, never the local one.</summary>
    public static string Date(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string CredentialScope(long unixSeconds, string service) => $"{Date(unixSeconds)}/{service}/tc3_request";

    public static string StringToSign(long unixSeconds, string service, string canonicalRequest) =>
        Algorithm + "\n"
        + unixSeconds.ToString(CultureInfo.InvariantCulture) + "\n"
        + CredentialScope(unixSeconds, service) + "\n"
        + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));

    /// <summary>The derived key chain "TC3"+SecretKey -> date -> service -> "tc3_request", then HMAC of the string to sign.</summary>
    public static string Signature(string secretKey, long unixSeconds, string service, string stringToSign)
    {
        var secretDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("TC3" + secretKey), Encoding.UTF8.GetBytes(Date(unixSeconds)));
        var secretService = HMACSHA256.HashData(secretDate, Encoding.UTF8.GetBytes(service));
        var secretSigning = HMACSHA256.HashData(secretService, "tc3_request"u8);
        return Hex(HMACSHA256.HashData(secretSigning, Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string Authorization(string secretId, long unixSeconds, string service, string signature) =>
        $"{Algorithm} Credential={secretId}/{CredentialScope(unixSeconds, service)}, SignedHeaders={SignedHeaders}, Signature={signature}";

    /// <summary>The Authorization header for a POST of <paramref name="payload"/> to <paramref name="host"/>.</summary>
    public static string Sign(string secretId, string secretKey, string service, string host, string contentType, ReadOnlySpan<byte> payload, long unixSeconds)
    {
        var stringToSign = StringToSign(unixSeconds, service, CanonicalRequest(contentType, host, payload));
        return Authorization(secretId, unixSeconds, service, Signature(secretKey, unixSeconds, service, stringToSign));
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);
}
