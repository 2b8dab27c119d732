using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.ElsaApi;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Workspace;

namespace Workflows.Host.Tests.Hardening;

/// <summary>What the service shows about itself, and how much one request may ask for.</summary>
public sealed class ExposureTests
{
    [Fact]
    public async Task OpenAPI_answers_401_to_an_anonymous_caller_in_Production_and_the_document_to_an_API_key()
    {
        await using var app = new WorkflowsApp(environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Security:ApiKeys:0:Name"] = "tests",
            ["Security:ApiKeys:0:Sha256"] = Security.ApiKeyOptions.Hash(WorkflowsApp.ApiKey),
        });
        using var anonymous = app.CreateClient();
        using var machine = app.CreateApiClient();

        using var refused = await anonymous.GetAsync("/openapi/v1.json");
        using var served = await machine.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_setting_opens_OpenAPI_to_anyone_in_Production()
    {
        await using var app = new WorkflowsApp(environment: "Production", settings: new Dictionary<string, string?> { ["OpenApi:AllowAnonymous"] = "true" });
        using var anonymous = app.CreateClient();

        using var served = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task The_Studio_settings_ignore_a_forged_Host_header()
    {
        await using var app = new WorkflowsApp();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/appsettings.json");
        request.Headers.Host = "evil.example.com";

        var settings = (await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("/elsa/api", (string)settings["Backend"]!["Url"]!);
    }

    [Fact]
    public async Task The_Studio_settings_use_the_configured_public_URL()
    {
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?> { ["Studio:PublicUrl"] = "https://wuye.example.gov.cn/flows/" });
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/appsettings.json");
        request.Headers.Host = "evil.example.com";

        var settings = (await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!;

        Assert.Equal("https://wuye.example.gov.cn/flows/elsa/api", (string)settings["Backend"]!["Url"]!);
    }

    [Fact]
    public async Task An_Elsa_list_page_of_100000_is_capped_at_200()
    {
        await using var app = new WorkflowsApp();
        using var client = app.CreateApiClient();
        await client.SaveAsync(Flowcharts.DelayThenWrite("paging-0", "1.00:00:00"), publish: false);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var template = db.Definitions.Single(d => d.DefinitionId == "paging-0");
            for (var i = 1; i <= 250; i++)
                db.Definitions.Add(new DefinitionRecord
                {
                    Id = $"paging-{i}-v1", DefinitionId = $"paging-{i}", Version = 1, Name = $"paging {i}", IsLatest = true,
                    CreatedAt = template.CreatedAt, Json = template.Json.Replace("paging-0", $"paging-{i}", StringComparison.Ordinal),
                });
            await db.SaveChangesAsync();
        }

        var page = await client.GetOkAsync("/workflow-definitions?versionOptions=Latest&Page=0&PageSize=100000&SearchTerm=paging");
        var taken = await client.GetOkAsync("/workflow-instances?page=0&pageSize=100000");

        Assert.Equal(251, (long)page["totalCount"]!);
        Assert.Equal(200, page["items"]!.AsArray().Count);
        Assert.Equal(0, (long)taken["totalCount"]!);
    }
}
