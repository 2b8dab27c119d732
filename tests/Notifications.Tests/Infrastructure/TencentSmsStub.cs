using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Workflows.Notifications.Tests.Infrastructure;

/// <summary>
/// Tencent Cloud's sms.tencentcloudapi.com on loopback. Like the real API it first checks the TC3-HMAC-SHA256
/// Authorization header, recomputed here with an implementation of its own from the headers and body bytes as
/// received, and answers AuthFailure.SignatureFailure when it differs; otherwise it answers <see cref="Reply"/>.
/// </summary>
public sealed class TencentSmsStub : IAsyncDisposable
{
    public const string SecretId = "AKIDStubSecretId000000000000000000";
    public const string SecretKey = "StubSecretKey0000000000000000000";
    public const string SdkAppId = "1400006666";

    private ProviderStub _server = null!;

    private TencentSmsStub()
    {
    }

    public Uri Endpoint => _server.Endpoint;

    /// <summary>Builds the JSON answer from the request body; by default every number succeeds.</summary>
    public Func<System.Text.Json.JsonElement, string> Reply { get; set; } = Success;

    /// <summary>Delay before answering, to provoke client timeouts.</summary>
    public TimeSpan Delay { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public List<string> SignatureMismatches { get; } = [];

    public static string SerialNo(string phoneNumber) => "2028:" + phoneNumber.TrimStart('+');

    public static string Success(System.Text.Json.JsonElement request) =>
        StatusSet(request, _ => ("Ok", "send success"));

    /// <summary>A SendStatusSet with one entry per number of the request, each with the code the function picks.</summary>
    public static string StatusSet(System.Text.Json.JsonElement request, Func<string, (string Code, string Message)> outcome)
    {
        var session = request.TryGetProperty("SessionContext", out var s) ? s.GetString() : "";
        var entries = request.GetProperty("PhoneNumberSet").EnumerateArray().Select(n =>
        {
            var number = n.GetString()!;
            var (code, message) = outcome(number);
            var serial = code == "Ok" ? SerialNo(number) : "";
            return $$"""{"SerialNo":"{{serial}}","PhoneNumber":"{{number}}","Fee":1,"SessionContext":"{{session}}","Code":"{{code}}","Message":"{{message}}","IsoCode":"CN"}""";
        });
        return $$$"""{"Response":{"SendStatusSet":[{{{string.Join(",", entries)}}}],"RequestId":"a0aabda6-cf91-4f3e-a81f-9198114a2279"}}""";
    }

    public static string Error(string code, string message) =>
        $$$"""{"Response":{"Error":{"Code":"{{{code}}}","Message":"{{{message}}}"},"RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}""";

    public static async Task<TencentSmsStub> StartAsync()
    {
        var stub = new TencentSmsStub();
        stub._server = await ProviderStub.StartAsync(stub.HandleAsync);
        return stub;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(RecordedRequest request, HttpResponse response)
    {
        if (Delay > TimeSpan.Zero)
            await Task.Delay(Delay);
        response.ContentType = "application/json";
        var expected = ExpectedAuthorization(request);
        if (request.Headers.GetValueOrDefault("Authorization") != expected)
        {
            lock (SignatureMismatches)
                SignatureMismatches.Add($"got '{request.Headers.GetValueOrDefault("Authorization")}', expected '{expected}'");
            await response.WriteAsync(Error("AuthFailure.SignatureFailure",
                "The provided credentials could not be validated. Please check your signature is correct."));
            return;
        }
        using var body = System.Text.Json.JsonDocument.Parse(request.Body);
        await response.WriteAsync(Reply(body.RootElement));
    }

    private static string ExpectedAuthorization(RecordedRequest request)
    {
        var timestamp = long.Parse(request.Headers.GetValueOrDefault("X-TC-Timestamp") ?? "0", CultureInfo.InvariantCulture);
        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var contentType = (request.Headers.GetValueOrDefault("Content-Type") ?? "").ToLowerInvariant();
        var host = (request.Headers.GetValueOrDefault("Host") ?? "").ToLowerInvariant();
        var canonicalRequest = string.Join('\n',
            "POST", "/", "", $"content-type:{contentType}", $"host:{host}", "", "content-type;host",
            Convert.ToHexString(SHA256.HashData(request.Body)).ToLowerInvariant());
        var scope = $"{date}/sms/tc3_request";
        var stringToSign = string.Join('\n', "TC3-HMAC-SHA256", timestamp.ToString(CultureInfo.InvariantCulture), scope,
            Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))).ToLowerInvariant());
        var key = Encoding.UTF8.GetBytes("TC3" + SecretKey);
        foreach (var part in new[] { date, "sms", "tc3_request" })
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        var signature = Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign))).ToLowerInvariant();
        return $"TC3-HMAC-SHA256 Credential={SecretId}/{scope}, SignedHeaders=content-type;host, Signature={signature}";
    }
}
