using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using static Workflows.Host.Tests.ElsaApi.ElsaApi;

namespace Workflows.Host.Tests.ElsaApi;

/// <summary>Export to files and import from them.</summary>
public sealed class DefinitionTransferTests(ElsaApiFixture fixture) : IClassFixture<ElsaApiFixture>
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Export_is_one_JSON_attachment_with_the_schema_first_and_no_links()
    {
        var id = NewId();
        var saved = await _client.SaveDefinitionAsync(WaitingDefinition(id, "导出 测试"), publish: true);

        using var response = await _client.GetAsync(Base + $"/workflow-definitions/{id}/export?versionOptions=Latest&includeConsumingWorkflows=False");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"workflow-definition-导出-测试-{id}-{saved.Str("id")}.json", disposition.FileNameStar);
        var file = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("$schema", file.First().Key);
        Assert.False(file.ContainsKey("links"));
        Assert.Equal(id, file.Str("definitionId"));
    }

    [Fact]
    public async Task Bulk_export_zips_the_versions_asked_for()
    {
        var a = await _client.SaveDefinitionAsync(WaitingDefinition(NewId(), "甲"));
        var b = await _client.SaveDefinitionAsync(WaitingDefinition(NewId(), "乙"));

        using var response = await _client.PostAsync(Base + "/bulk-actions/export/workflow-definitions",
            new StringContent(new JsonObject { ["ids"] = new JsonArray(a.Str("id"), b.Str("id")), ["includeConsumingWorkflows"] = false }.ToJsonString(),
                Encoding.UTF8, "application/json"));
        using var none = await _client.PostAsync(Base + "/bulk-actions/export/workflow-definitions",
            new StringContent("{\"ids\":[\"nothing\"]}", Encoding.UTF8, "application/json"));

        Assert.Equal("workflow-definitions.zip", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(2, zip.Entries.Count);
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
    }

    [Fact]
    public async Task Import_of_one_model_saves_a_draft_and_answers_201_when_it_is_new()
    {
        var id = NewId();
        var model = WaitingDefinition(id, "导入");
        model["$schema"] = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";
        model["isPublished"] = true;

        var (created, body) = await _client.SendAsync(HttpMethod.Post, "/workflow-definitions/import", model);
        var (updated, _) = await _client.SendAsync(HttpMethod.Post, "/workflow-definitions/import", WaitingDefinition(id, "导入 改"));

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.False(body!["isPublished"]!.GetValue<bool>());
        Assert.False(body.AsObject().ContainsKey("$schema"));
        Assert.Contains("publish", body["links"].Rels());
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.Equal("导入 改", (await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{id}")).Str("name"));
    }

    [Fact]
    public async Task Import_files_reads_JSON_files_and_zips_and_counts_them()
    {
        var ids = new[] { NewId(), NewId(), NewId() };
        using var zipBuffer = new MemoryStream();
        using (var zip = new ZipArchive(zipBuffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var id in ids[1..])
            {
                using var writer = new StreamWriter(zip.CreateEntry($"{id}.json").Open());
                writer.Write(WaitingDefinition(id).ToJsonString());
            }
        }
        using var form = new MultipartFormDataContent
        {
            { File(Encoding.UTF8.GetBytes(WaitingDefinition(ids[0]).ToJsonString()), "application/json"), "files", "one.json" },
            { File(zipBuffer.ToArray(), "application/zip"), "files", "two.zip" },
        };

        using var response = await _client.PostAsync(Base + "/workflow-definitions/import-files", form);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, body["count"]!.GetValue<int>());
        foreach (var id in ids)
            await _client.GetOkAsync($"/workflow-definitions/by-definition-id/{id}");
    }

    [Fact]
    public async Task Import_files_names_the_file_that_could_not_be_imported()
    {
        using var form = new MultipartFormDataContent
        {
            { File(Encoding.UTF8.GetBytes("{\"name\":\"坏\",\"root\":{\"id\":\"s\",\"type\":\"Elsa.Sequence\"}}"), "application/json"), "files", "bad.json" },
        };

        using var response = await _client.PostAsync(Base + "/workflow-definitions/import-files", form);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        AssertErrorNames(HttpStatusCode.BadRequest, response.StatusCode, body, "bad.json");
    }

    private static ByteArrayContent File(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
