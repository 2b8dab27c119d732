using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.Infrastructure.Flowcharts;

namespace Workflows.Host.Tests.Foundation;

public abstract class DefinitionApiTests(TestDatabase database) : ProviderTests(database)
{
    [Fact]
    public async Task Health_answers_200_once_the_database_and_the_scheduler_are_ready()
    {
        await using var app = await NewAppAsync();
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("Healthy", (string?)body!["checks"]!["database"]!["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["scheduler"]!["status"]);
    }

    [Fact]
    public async Task Elsa_api_refuses_a_request_without_a_valid_api_key()
    {
        await using var app = await NewAppAsync();
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/elsa/api/workflow-instances/x")).StatusCode);
        anonymous.DefaultRequestHeaders.Add("Authorization", "ApiKey wrong-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/elsa/api/workflow-instances/x")).StatusCode);
    }

    [Fact]
    public async Task Definition_with_an_unknown_activity_type_is_refused_naming_it_and_nothing_is_stored()
    {
        await using var app = await NewAppAsync();
        var client = app.CreateApiClient();
        await client.SaveAsync(DelayThenWrite("kept", "1.00:00:00"), publish: true);
        var bad = Definition("bad", "坏定义",
            [Activity("start", "Elsa.Start"), Activity("mystery", "Acme.DoesNotExist")],
            [Connect("start", "mystery")]);

        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = bad, ["publish"] = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var errors = body!["errors"]!.AsObject();
        var message = errors["mystery.type"]![0]!.GetValue<string>();
        Assert.Contains("Acme.DoesNotExist", message);
        await using var scope = app.Scope();
        var stored = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Definitions.Select(d => d.DefinitionId).ToListAsync();
        Assert.Equal(["kept"], stored);
    }

    [Fact]
    public async Task Publishing_a_definition_with_a_bad_delay_and_a_dangling_connection_names_both()
    {
        await using var app = await NewAppAsync();
        var client = app.CreateApiClient();
        var bad = Definition("bad-delay", "坏延时",
            [Activity("start", "Elsa.Start"), Activity("wait", "Elsa.Delay", ("timeSpan", Literal("TimeSpan", "fifteen days")))],
            [Connect("start", "wait"), Connect("wait", "ghost")]);

        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = bad, ["publish"] = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("fifteen days", errors["wait.TimeSpan"]![0]!.GetValue<string>());
        Assert.Contains("ghost", errors["wait.connections"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Malformed_request_body_gets_a_400_naming_the_problem()
    {
        await using var app = await NewAppAsync();
        var client = app.CreateApiClient();
        var response = await client.PostAsync("/elsa/api/workflow-definitions",
            new StringContent("{\"model\": {\"root\": [}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Running_instance_keeps_its_version_when_a_new_version_is_published()
    {
        await using var app = await NewAppAsync();
        var client = app.CreateApiClient();
        var v1 = await client.SaveAsync(DelayThenWrite("versioned", "1.00:00:00"), publish: true);
        var instanceId = await client.ExecuteAsync("versioned");
        var v2 = await client.SaveAsync(DelayThenWrite("versioned", "3.00:00:00"), publish: true);
        Assert.Equal(2, v2["version"]!.GetValue<int>());

        Assert.Equal(1, await app.AdvanceAsync(client, days: 1));
        var instance = await client.InstanceAsync(instanceId);
        Assert.Equal(v1["id"]!.GetValue<string>(), instance["definitionVersionId"]!.GetValue<string>());
        Assert.Equal("Finished", instance["subStatus"]!.GetValue<string>());
    }
}

public sealed class SqliteDefinitionApiTests() : DefinitionApiTests(TestDatabase.Sqlite);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDefinitionApiTests(PostgreSqlServer server) : DefinitionApiTests(new PostgreSqlTestDatabase(server));
