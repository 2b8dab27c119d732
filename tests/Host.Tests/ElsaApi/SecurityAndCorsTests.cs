using System.Net;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.ElsaApi;

/// <summary>API-key protection and the CORS policy for a Studio served from another origin.</summary>
public sealed class SecurityAndCorsTests
{
    private const string StudioOrigin = "https://studio.example.gov.cn";

    [Theory]
    [InlineData("/workflow-definitions")]
    [InlineData("/descriptors/activities")]
    [InlineData("/features/installed")]
    public async Task Calls_without_an_API_key_are_401(string path)
    {
        await using var app = new WorkflowsApp();
        using var anonymous = app.CreateClient();
        using var wrongKey = app.CreateClient();
        wrongKey.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(ElsaApi.Base + path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync(ElsaApi.Base + path)).StatusCode);
    }

    [Fact]
    public async Task A_preflight_from_the_configured_origin_is_allowed_and_responses_expose_Studios_headers()
    {
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?> { ["Cors:Origins:0"] = StudioOrigin });
        using var client = app.CreateClient();

        using var preflight = new HttpRequestMessage(HttpMethod.Options, ElsaApi.Base + "/workflow-definitions/x/execute");
        preflight.Headers.Add("Origin", StudioOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-tenant-id");
        using var preflightResponse = await client.SendAsync(preflight);

        using var actual = new HttpRequestMessage(HttpMethod.Get, ElsaApi.Base + "/features/installed");
        actual.Headers.Add("Origin", StudioOrigin);
        actual.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", WorkflowsApp.ApiKey);
        using var actualResponse = await client.SendAsync(actual);

        Assert.True(preflightResponse.IsSuccessStatusCode, $"preflight: {(int)preflightResponse.StatusCode}");
        Assert.Equal(StudioOrigin, preflightResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var allowedHeaders = string.Join(",", preflightResponse.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", allowedHeaders);
        Assert.Contains("x-tenant-id", allowedHeaders);
        Assert.Equal(HttpStatusCode.OK, actualResponse.StatusCode);
        var exposed = string.Join(",", actualResponse.Headers.GetValues("Access-Control-Expose-Headers")).ToLowerInvariant();
        Assert.Contains("x-elsa-workflow-instance-id", exposed);
        Assert.Contains("x-elsa-workflow-cannot-start", exposed);
        Assert.Contains("content-disposition", exposed);
    }

    [Fact]
    public async Task Other_origins_get_no_CORS_headers()
    {
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?> { ["Cors:Origins:0"] = StudioOrigin });
        using var client = app.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, ElsaApi.Base + "/workflow-definitions");
        preflight.Headers.Add("Origin", "https://elsewhere.example.com");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
