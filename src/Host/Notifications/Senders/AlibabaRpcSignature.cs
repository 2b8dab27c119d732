using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflows.Host.Notifications.Senders;

/// <summary>
/// Alibaba Cloud's RPC signature, version 1.0 (HMAC-SHA1), as its "Signature mechanism" page describes it:
/// sort the parameters by name, percent-encode names and values (RFC 3986 over UTF-8), join them into the
/// canonicalized query, then StringToSign = Method + "&amp;" + enc("/") + "&amp;" + enc(canonicalized query) and
/// Signature = Base64(HMAC-SHA1(AccessKeySecret + "&amp;", StringToSign)).
/// </summary>
internal static class AlibabaRpcSignature
{
    public static string Timestamp(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// RFC 3986: only A-Z a-z 0-9 - _ . ~ stay as they are; every other UTF-8 byte becomes %XX in upper case, so a
    /// space is %20 (not +), * is %2A and ~ is kept, the three places where form encoding would differ.
    /// </summary>
    public static string PercentEncode(string value)
    {
        var builder = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>Parameters sorted by name in byte order, each <c>enc(name)=enc(value)</c>, joined by <c>&amp;</c>.</summary>
    public static string CanonicalizedQuery(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => PercentEncode(p.Key) + "=" + PercentEncode(p.Value)));

    public static string StringToSign(string httpMethod, string canonicalizedQuery) =>
        httpMethod + "&" + PercentEncode("/") + "&" + PercentEncode(canonicalizedQuery);

    public static string Sign(string accessKeySecret, string stringToSign)
    {
        // The key is the secret followed by "&": the documented rule, and the step most often missed.
        // HMAC-SHA1 is the only method the RPC signature V2 defines; HMAC's strength does not rest on SHA-1's
        // collision resistance.
#pragma warning disable CA5350
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }
}
