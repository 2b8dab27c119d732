using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Workflows.Notifications.Tests.Infrastructure;

/// <summary>
/// Alibaba Cloud's dysmsapi on loopback. Like the real gateway it first checks the RPC signature, recomputed here
/// from the received form body with an implementation of its own (framework RFC 3986 escaping, framework HMAC),
/// and answers 400 SignatureDoesNotMatch when it differs; otherwise it answers <see cref="Reply"/>.
/// </summary>
public sealed class AlibabaSmsStub : IAsyncDisposable
{
    public const string AccessKeyId = "LTAI5tStubAccessKey";
    public const string AccessKeySecret = "stub/Secret+Key=";
    public const string SuccessBizId = "9006197469364984400";

    private ProviderStub _server = null!;

    private AlibabaSmsStub()
    {
    }

    public Uri Endpoint => _server.Endpoint;

    /// <summary>HTTP status and JSON body of the next answers; success unless a test changes it.</summary>
    public (int Status, string Json) Reply { get; set; } = Success;

    public static (int, string) Success =>
        (200, $$"""{"Message":"OK","RequestId":"F655A8D5-B967-440B-8683-DAD6FF8DE990","Code":"OK","BizId":"{{SuccessBizId}}"}""");

    public static (int, string) Error(int status, string code, string message) =>
        (status, $$"""{"RequestId":"A1B2C3D4-0000-4000-8000-000000000000","HostId":"dysmsapi.aliyuncs.com","Code":"{{code}}","Message":"{{message}}"}""");

    /// <summary>Parameters of each request received, Signature included, form-decoded.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>Signature mismatches seen, with the string the stub signed, for the assertion message.</summary>
    public List<string> SignatureMismatches { get; } = [];

    public static async Task<AlibabaSmsStub> StartAsync()
    {
        var stub = new AlibabaSmsStub();
        stub._server = await ProviderStub.StartAsync(stub.HandleAsync);
        return stub;
    }

    public static Dictionary<string, string> FormParameters(RecordedRequest request) =>
        Encoding.UTF8.GetString(request.Body)
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Decode(kv[0]), kv => kv.Length > 1 ? Decode(kv[1]) : "", StringComparer.Ordinal);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(RecordedRequest request, HttpResponse response)
    {
        var parameters = FormParameters(request);
        var (expected, stringToSign) = ExpectedSignature(request.Method, parameters);
        if (!parameters.TryGetValue("Signature", out var signature) || signature != expected)
        {
            lock (SignatureMismatches)
                SignatureMismatches.Add($"got '{signature}', expected '{expected}' for {stringToSign}");
            await Write(response, Error(400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation."));
            return;
        }
        await Write(response, Reply);
    }

    private static (string Signature, string StringToSign) ExpectedSignature(string method, Dictionary<string, string> parameters)
    {
        var canonical = string.Join('&', parameters
            .Where(p => p.Key != "Signature")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        var stringToSign = method + "&" + Uri.EscapeDataString("/") + "&" + Uri.EscapeDataString(canonical);
#pragma warning disable CA5350 // The provider's algorithm.
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(AccessKeySecret + "&"));
#pragma warning restore CA5350
        return (Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign))), stringToSign);
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    private static async Task Write(HttpResponse response, (int Status, string Json) reply)
    {
        response.StatusCode = reply.Status;
        response.ContentType = "application/json;charset=utf-8";
        await response.WriteAsync(reply.Json);
    }
}
