using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

/// <summary>
/// A domain activity's inputs are checked when a definition is saved or published: an admin who sets the contract
/// filing's 期限 to -3 is told so, by the activity's and the input's names, and officers keep starting the
/// published version.
/// </summary>
public sealed class DefinitionInputValidationTests
{
    [Fact]
    public async Task Publishing_the_contract_filing_with_a_negative_period_is_refused_and_the_published_version_stays()
    {
        await using var app = new ProcedureApp();
        var published = JsonNode.Parse(await app.Client.GetStringAsync("/elsa/api/workflow-definitions/by-definition-id/contract-filing?versionOptions=Published"))!.AsObject();
        var version = published["version"]!.GetValue<int>();
        var model = published.DeepClone().AsObject();
        var filing = model["root"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == "filing")!;
        filing["period"]!["expression"]!["value"] = -3;

        var response = await app.Client.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = true });

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = JsonNode.Parse(body)!["errors"]!["filing.Period"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.Equal("活动“物业服务合同备案（15日）”的“期限”：期限不能为负数（-3）；0 表示不设期限。", Assert.Single(messages));

        var current = JsonNode.Parse(await app.Client.GetStringAsync("/elsa/api/workflow-definitions/by-definition-id/contract-filing?versionOptions=Published"))!;
        Assert.Equal(version, current["version"]!.GetValue<int>());
        Assert.Equal(15, current["root"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == "filing")!["period"]!["expression"]!["value"]!.GetValue<int>());
        var (caseId, _) = await app.StartAsync("contract-filing", "minquan-garden", new JsonObject { ["signedOn"] = "2026-09-17" });
        Assert.Equal("2026-10-08", (string)(await app.FilingAsync(caseId, "ServiceContract"))["dueDate"]!);
    }

    [Fact]
    public async Task Saving_a_draft_with_an_unknown_period_unit_and_a_broken_form_names_both_inputs()
    {
        await using var app = new ProcedureApp();
        var model = JsonNode.Parse(await app.Client.GetStringAsync("/elsa/api/workflow-definitions/by-definition-id/star-rating?versionOptions=Published"))!.AsObject();
        var submit = model["root"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == "submit")!;
        submit["periodUnit"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "Fortnights" } };
        submit["formFields"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = "[{\"name\": " } };

        var response = await app.Client.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = false });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Contains("的“期限单位”：", (string)errors["submit.PeriodUnit"]![0]!);
        Assert.Contains("的“表单字段”：表单字段不是有效的 JSON 数组。", (string)errors["submit.FormFields"]![0]!);
    }
}
