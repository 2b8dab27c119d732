using Workflows.Host.Notifications.Senders;

namespace Workflows.Notifications.Tests.Signatures;

/// <summary>Alibaba Cloud RPC signature V2 (HMAC-SHA1) against the published worked examples.</summary>
public sealed class AlibabaSignatureTests
{
    /// <summary>
    /// "Signature mechanism", sample 1 (ECS DescribeRegions, AccessKeyId testid, AccessKeySecret testsecret): the
    /// StringToSign and the signature OLeaidS1JvxuMvnyHOwuJ+uX5qY= are copied from the page. Recomputed with
    /// <c>printf '%s' "$StringToSign" | openssl dgst -sha1 -hmac 'testsecret&amp;' -binary | base64</c>, same value.
    /// </summary>
    [Fact]
    public void Alibaba_signature_matches_the_documented_example()
    {
        var parameters = new Dictionary<string, string>
        {
            ["Timestamp"] = "2016-02-23T12:46:24Z",
            ["Format"] = "XML",
            ["AccessKeyId"] = "testid",
            ["Action"] = "DescribeRegions",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            ["Version"] = "2014-05-26",
            ["SignatureVersion"] = "1.0",
        };

        var stringToSign = AlibabaRpcSignature.StringToSign("GET", AlibabaRpcSignature.CanonicalizedQuery(parameters));

        Assert.Equal(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1"
            + "%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0"
            + "%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26",
            stringToSign);
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AlibabaRpcSignature.Sign("testsecret", stringToSign));
    }

    /// <summary>
    /// The SMS product's own example (SendSms with sign name 阿里云短信测试专用, AccessKeySecret testSecret), as quoted
    /// from help.aliyun.com/document_detail/56189 by several independent client libraries; the official page itself
    /// was not reachable here. Value confirmed with
    /// <c>printf '%s' "$StringToSign" | openssl dgst -sha1 -hmac 'testSecret&amp;' -binary | base64</c>.
    /// It covers what the ECS example does not: UTF-8 Chinese and JSON in values, encoded twice in the StringToSign.
    /// </summary>
    [Fact]
    public void Alibaba_SendSms_signature_matches_the_SMS_example_with_a_Chinese_sign_name()
    {
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testId",
            ["Timestamp"] = "2017-07-12T02:42:19Z",
            ["Format"] = "XML",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureVersion"] = "1.0",
            ["SignatureNonce"] = "45e25e9b-0a6f-4070-8c85-2956eda1b466",
            ["Action"] = "SendSms",
            ["Version"] = "2017-05-25",
            ["RegionId"] = "cn-hangzhou",
            ["PhoneNumbers"] = "15300000001",
            ["SignName"] = "阿里云短信测试专用",
            ["TemplateParam"] = """{"customer":"test"}""",
            ["TemplateCode"] = "SMS_71390007",
            ["OutId"] = "123",
        };

        var stringToSign = AlibabaRpcSignature.StringToSign("GET", AlibabaRpcSignature.CanonicalizedQuery(parameters));

        Assert.Equal(
            "GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001"
            + "%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1"
            + "%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1"
            + "%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007"
            + "%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z"
            + "%26Version%3D2017-05-25",
            stringToSign);
        Assert.Equal("zJDF+Lrzhj/ThnlvIToysFRq6t4=", AlibabaRpcSignature.Sign("testSecret", stringToSign));
    }

    [Theory]
    [InlineData("a b", "a%20b")]
    [InlineData("a*b", "a%2Ab")]
    [InlineData("a~b", "a~b")]
    [InlineData("a+b/c=d&e", "a%2Bb%2Fc%3Dd%26e")]
    [InlineData("-_.", "-_.")]
    [InlineData("物业", "%E7%89%A9%E4%B8%9A")]
    public void Percent_encoding_keeps_only_RFC_3986_unreserved_characters(string value, string expected)
    {
        Assert.Equal(expected, AlibabaRpcSignature.PercentEncode(value));
    }

    [Fact]
    public void Timestamp_is_ISO_8601_in_UTC_to_the_second()
    {
        Assert.Equal("2025-03-14T01:02:03Z",
            AlibabaRpcSignature.Timestamp(new DateTimeOffset(2025, 3, 14, 9, 2, 3, 456, TimeSpan.FromHours(8))));
    }
}
