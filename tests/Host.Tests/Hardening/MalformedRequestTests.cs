using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Host.Security;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Workspace;

namespace Workflows.Host.Tests.Hardening;

/// <summary>
/// Requests the service cannot read are answered 400 (413 when too large) with a problem body naming the field or
/// the reason, in Chinese first, in Development and Production alike; they used to be 500s in Development and
/// bare "Bad Request"s in Production.
/// </summary>
public sealed class MalformedRequestTests
{
    public static TheoryData<string> Environments => new() { "Development", "Production" };

    private static WorkflowsApp App(string environment) => new(environment: environment, settings: new Dictionary<string, string?>
    {
        // Production has no development key: configure the same one the tests send.
        ["Security:ApiKeys:0:Name"] = "tests",
        ["Security:ApiKeys:0:Sha256"] = ApiKeyOptions.Hash(WorkflowsApp.ApiKey),
    });

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient client, string path, byte[] body, string contentType = "application/json")
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{(int)response.StatusCode}: {text}");
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    private static string Error(JsonObject problem, string field)
    {
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors?.ContainsKey(field) == true, $"no error for '{field}' in {problem.ToJsonString()}");
        return (string)errors![field]![0]!;
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Malformed_JSON_is_a_400_saying_so(string environment)
    {
        await using var app = App(environment);
        using var client = app.CreateApiClient();

        var (status, problem) = await PostAsync(client, "/api/cases", "{\"procedure\": \"contract-filing\", "u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("不是有效的 JSON", Error(problem, "body"), StringComparison.Ordinal);
        Assert.StartsWith("请求无效", (string)problem["title"]!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task A_value_of_the_wrong_JSON_type_is_a_400_naming_the_field(string environment)
    {
        await using var app = App(environment);
        using var client = app.CreateApiClient();

        var (status, problem) = await PostAsync(client, "/api/cases", "{\"procedure\": 5, \"compoundId\": \"c\"}"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("类型不正确", Error(problem, "procedure"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Deep_nesting_is_a_400_saying_so(string environment)
    {
        await using var app = App(environment);
        using var client = app.CreateApiClient();
        var nested = new string('[', 200) + new string(']', 200);

        var (status, problem) = await PostAsync(client, "/api/cases",
            Encoding.UTF8.GetBytes($"{{\"procedure\": \"contract-filing\", \"compoundId\": \"c\", \"input\": {{\"x\": {nested}}}}}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("嵌套层数过多", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task A_lone_surrogate_in_a_case_input_is_a_400_naming_the_field(string environment)
    {
        await using var app = App(environment);
        using var client = app.CreateApiClient();

        var (status, problem) = await PostAsync(client, "/api/cases",
            "{\"procedure\": \"complaint-escalation\", \"compoundId\": \"c\", \"input\": {\"complaint\": \"漏水\\ud800\"}}"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("无效的字符编码", Error(problem, "input.complaint"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task Invalid_UTF8_in_a_case_input_is_a_400_naming_the_field(string environment)
    {
        await using var app = App(environment);
        using var client = app.CreateApiClient();
        byte[] body = [.. "{\"procedure\": \"complaint-escalation\", \"compoundId\": \"c\", \"input\": {\"complaint\": \""u8, 0xFF, 0xFE, .. "\"}}"u8];

        var (status, problem) = await PostAsync(client, "/api/cases", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("无效的字符编码", Error(problem, "input.complaint"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task A_body_over_2_MB_to_the_definitions_API_is_a_413(string environment)
    {
        await using var app = App(environment);
        using var client = app.CreateApiClient();
        var huge = Encoding.UTF8.GetBytes("{\"model\": {\"name\": \"" + new string('x', 3 * 1024 * 1024) + "\"}}");

        var (status, problem) = await PostAsync(client, "/elsa/api/workflow-definitions", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("2 MB", Error(problem, "body"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task A_body_over_the_default_limit_elsewhere_is_a_413_and_a_smaller_one_to_definitions_passes_the_limit(string environment)
    {
        await using var app = App(environment);
        using var client = app.CreateApiClient();
        var body = Encoding.UTF8.GetBytes("{\"procedure\": \"" + new string('x', 1536 * 1024) + "\"}");

        var (status, problem) = await PostAsync(client, "/api/cases", body);
        using var definitions = await client.PostAsync("/elsa/api/workflow-definitions", new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("1 MB", Error(problem, "body"), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, definitions.StatusCode);
        Assert.True((int)definitions.StatusCode < 500, $"{(int)definitions.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(Environments))]
    public async Task A_sign_in_without_the_antiforgery_cookie_is_a_400_naming_the_token(string environment)
    {
        await using var app = App(environment);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.PostAsync("/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = "Whatever#2026" }));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("防伪令牌", Error(problem, SecuritySetup.FormFieldName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_is_in_English_with_lang_en()
    {
        await using var app = App("Development");
        using var client = app.CreateApiClient();

        var (status, problem) = await PostAsync(client, "/api/cases?lang=en", "{\"procedure\": 5}"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The value of 'procedure' has the wrong type.", Error(problem, "procedure"));
        Assert.Equal("The request is not valid.", (string)problem["title"]!);
    }
}
