using System.Text;
using Workflows.Host.Notifications.Senders;

namespace Workflows.Notifications.Tests.Signatures;

/// <summary>
/// The worked example of TencentCloud API 3.0 "Signature v3" (TC3-HMAC-SHA256): CVM DescribeInstances in
/// ap-guangzhou, timestamp 1551113065. Inputs and every intermediate and final value in the first test are copied
/// from the English edition of the page (published under each product's API documentation, "Signing Process").
/// </summary>
public sealed class Tc3SignatureTests
{
    // Sent verbatim by the documented curl -d '…': the \u escapes are characters of the body, not of C#.
    private const string Payload = """{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}""";
    private const string ContentType = "application/json; charset=utf-8";
    private const string Host = "cvm.tencentcloudapi.com";
    private const long Timestamp = 1551113065;

    [Fact]
    public void Tencent_signature_matches_the_documented_example()
    {
        var payload = Encoding.UTF8.GetBytes(Payload);

        var canonicalRequest = Tc3Signature.CanonicalRequest(ContentType, Host, payload);
        Assert.Equal(
            "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n"
            + "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
            canonicalRequest);

        var stringToSign = Tc3Signature.StringToSign(Timestamp, "cvm", canonicalRequest);
        Assert.Equal(
            "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
            stringToSign);

        Assert.Equal("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
            Tc3Signature.Signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", Timestamp, "cvm", stringToSign));

        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
            + "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
            Tc3Signature.Sign("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "cvm", Host, ContentType, payload, Timestamp));
    }

    /// <summary>
    /// The same example with the key masked by asterisks, as newer editions of the page print it. The page text with
    /// this variant's signature could not be read here, so the expected value was computed independently with
    /// openssl alone (no code of ours); it also equals the value several independent TC3 implementations test for:
    /// <code>
    /// kDate=$(printf 2019-02-25 | openssl dgst -sha256 -mac HMAC -macopt 'key:TC3Gu5t9xGARNpq86cd98joQYCN3*******' -r | cut -d' ' -f1)
    /// kService=$(printf cvm | openssl dgst -sha256 -mac HMAC -macopt hexkey:$kDate -r | cut -d' ' -f1)
    /// kSigning=$(printf tc3_request | openssl dgst -sha256 -mac HMAC -macopt hexkey:$kService -r | cut -d' ' -f1)
    /// printf 'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04…7031' | openssl dgst -sha256 -mac HMAC -macopt hexkey:$kSigning
    /// </code>
    /// </summary>
    [Fact]
    public void Tencent_signature_matches_the_example_with_the_masked_key_as_computed_by_openssl()
    {
        Assert.Equal(
            "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, "
            + "SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c",
            Tc3Signature.Sign("AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******", "Gu5t9xGARNpq86cd98joQYCN3*******", "cvm", Host, ContentType,
                Encoding.UTF8.GetBytes(Payload), Timestamp));
    }

    [Fact]
    public void Credential_date_is_the_UTC_date_even_when_it_is_already_the_next_day_in_Beijing()
    {
        // 1551113065 is 2019-02-26 00:44:25 in UTC+8; the documentation warns that the date must be 2019-02-25.
        Assert.Equal("2019-02-25/sms/tc3_request", Tc3Signature.CredentialScope(Timestamp, "sms"));
    }
}
