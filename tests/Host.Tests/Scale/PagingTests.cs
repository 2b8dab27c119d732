using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Workspace;
using Workflows.PropertyManagement.Tasks;

namespace Workflows.Host.Tests.Scale;

/// <summary>
/// On a generated data set (a few hundred cases over the demo district and extra compounds), walking the pages of the
/// case list, the inbox and the Elsa instance list gives exactly the rows, in the order, of the same query run unpaged
/// over the whole tables; the totals match; sorting and search select what they promise.
/// </summary>
public sealed class PagingTests
{
    [Fact]
    public async Task Pages_of_the_case_list_with_filters_sorting_and_search_are_the_rows_of_the_unpaged_query()
    {
        await using var app = ScaleData.App();
        await ScaleData.GenerateAsync(app, cases: 300, seed: 11, extraCompounds: 12);
        var data = await ScaleData.ReadAsync(app);
        using var bureau = await Session.SignInAsync(app, "bureau.shihe");
        var shihe = data.Subtree("shihe");
        var inReach = data.Cases.Where(c => shihe.Contains(c.CompoundId)).ToList();
        string Status(string caseId) => data.Instances[data.Cases.Single(c => c.Id == caseId).WorkflowInstanceId] switch
        {
            { Status: "Finished", SubStatus: "Cancelled" } => "Cancelled",
            { Status: "Finished", SubStatus: "Faulted" } => "Faulted",
            { Status: "Finished" } => "Closed",
            _ => "Open",
        };
        List<string> Newest(IEnumerable<Workflows.PropertyManagement.Cases.Case> cases) =>
            [.. cases.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal).Select(c => c.Id)];

        Assert.True(inReach.Count > 100, $"only {inReach.Count} cases in 浉河区");
        Assert.Equal(Newest(inReach), await AllPagesAsync(bureau.Client, "/api/cases?", 23, inReach.Count));
        Assert.Equal([.. inReach.OrderBy(c => c.StartedAt).ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id)],
            await AllPagesAsync(bureau.Client, "/api/cases?sort=oldest&", 40, inReach.Count));
        var open = inReach.Where(c => Status(c.Id) == "Open").ToList();
        Assert.NotEmpty(open);
        Assert.Equal(Newest(open), await AllPagesAsync(bureau.Client, "/api/cases?status=Open&", 7, open.Count));
        var complaints = inReach.Where(c => c.Procedure == "complaint-escalation").ToList();
        Assert.Equal(Newest(complaints), await AllPagesAsync(bureau.Client, "/api/cases?procedure=complaint-escalation&", 11, complaints.Count));
        var minquan = data.Subtree("minquan");
        var street = inReach.Where(c => minquan.Contains(c.CompoundId)).ToList();
        Assert.Equal(Newest(street), await AllPagesAsync(bureau.Client, "/api/cases?unit=minquan&", 9, street.Count));

        // Search: the start of the title (the compound's name), or a case number exactly.
        var named = inReach.Where(c => c.Title.StartsWith("民权", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(named);
        Assert.Equal(Newest(named), await AllPagesAsync(bureau.Client, "/api/cases?q=%E6%B0%91%E6%9D%83&", 13, named.Count));
        var one = open[0];
        Assert.Equal([one.Id], await AllPagesAsync(bureau.Client, $"/api/cases?q={one.Id}&", 5, 1));
        var elsewhere = data.Cases.First(c => !shihe.Contains(c.CompoundId));
        Assert.Empty(await AllPagesAsync(bureau.Client, $"/api/cases?q={elsewhere.Id}&", 5, 0));

        // Everything within reach for an API key.
        using var api = app.CreateApiClient();
        Assert.Equal(Newest(data.Cases), await AllPagesAsync(api, "/api/cases?", 200, data.Cases.Count));

        // The /cases page shows the first page of the same rows and links to the next.
        var html = await bureau.Client.GetStringAsync("/cases");
        Assert.Equal(Newest(inReach).Take(50), CaseIdsIn(html));
        Assert.Contains("id=\"next-page\" href=\"/cases?page=2\"", html, StringComparison.Ordinal);
        Assert.Equal(Newest(inReach).Skip(50).Take(50), CaseIdsIn(await bureau.Client.GetStringAsync("/cases?page=2")));
    }

    [Fact]
    public async Task Pages_of_each_inbox_scope_are_the_rows_of_the_unpaged_query_and_bad_paging_is_refused_by_name()
    {
        await using var app = ScaleData.App();
        await ScaleData.GenerateAsync(app, cases: 300, seed: 12, extraCompounds: 12);
        var data = await ScaleData.ReadAsync(app);
        bool Active(OfficerTask t) => t.Status is OfficerTaskStatus.Open or OfficerTaskStatus.Claimed;
        List<string> ByTimeLeft(IEnumerable<OfficerTask> tasks) =>
            [.. tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal).Select(t => t.Id)];

        using var bureau = await Session.SignInAsync(app, "bureau.shihe");
        var below = data.Tasks.Where(t => Active(t) && data.Subtree("shihe").Contains(t.UnitId) && t.UnitId != "shihe-zjj").ToList();
        Assert.NotEmpty(below);
        Assert.Equal(ByTimeLeft(below), await AllPagesAsync(bureau.Client, "/api/tasks?scope=below&", 6, below.Count));

        using var street = await Session.SignInAsync(app, "street.minquan");
        var done = data.Tasks.Where(t => t.UnitId == "minquan" && t.Status is OfficerTaskStatus.Done or OfficerTaskStatus.Cancelled).ToList();
        Assert.True(done.Count > 10, $"only {done.Count} done tasks of 民权街道");
        Assert.Equal([.. done.OrderByDescending(t => t.CompletedAt).ThenBy(t => t.Id, StringComparer.Ordinal).Select(t => t.Id)],
            await AllPagesAsync(street.Client, "/api/tasks?scope=done&", 8, done.Count));
        var unit = data.Tasks.Where(t => t.UnitId == "minquan" && t.Status == OfficerTaskStatus.Open).ToList();
        Assert.Equal(ByTimeLeft(unit), await AllPagesAsync(street.Client, "/api/tasks?scope=unit&", 3, unit.Count));
        var complaints = done.Where(t => data.Cases.Single(c => c.Id == t.CaseId).Procedure == "complaint-escalation").ToList();
        Assert.Equal([.. complaints.OrderByDescending(t => t.CompletedAt).ThenBy(t => t.Id, StringComparer.Ordinal).Select(t => t.Id)],
            await AllPagesAsync(street.Client, "/api/tasks?scope=done&procedure=complaint-escalation&", 4, complaints.Count));

        foreach (var (query, field) in new[] { ("pageSize=201", "pageSize"), ("pageSize=0", "pageSize"), ("page=0", "page"), ("page=202&pageSize=50", "page") })
        {
            var response = await street.Client.GetAsync($"/api/tasks?scope=done&{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.NotEmpty((string)problem["errors"]![field]![0]!);
        }
    }

    [Fact]
    public async Task Pages_of_the_Elsa_instance_list_filtered_and_searched_are_the_rows_of_the_unpaged_query()
    {
        await using var app = ScaleData.App();
        await ScaleData.GenerateAsync(app, cases: 200, seed: 13, extraCompounds: 4);
        var data = await ScaleData.ReadAsync(app);
        using var api = app.CreateApiClient();
        List<string> Newest(IEnumerable<Workflows.Host.Persistence.InstanceRecord> rows) =>
            [.. rows.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal).Select(i => i.Id)];

        var complaints = data.Instances.Values.Where(i => i.DefinitionId == "complaint-escalation").ToList();
        Assert.Equal(Newest(complaints), await ElsaPagesAsync(api, new JsonObject { ["definitionIds"] = new JsonArray("complaint-escalation") }, 9, complaints.Count));
        var running = data.Instances.Values.Where(i => i.Status == "Running").ToList();
        Assert.Equal(Newest(running), await ElsaPagesAsync(api, new JsonObject { ["statuses"] = new JsonArray("Running") }, 5, running.Count));
        var name = complaints[0].Name!;
        var prefix = name[..2];
        var named = data.Instances.Values.Where(i => i.Name is { } n && n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(Newest(named), await ElsaPagesAsync(api, new JsonObject { ["searchTerm"] = prefix }, 17, named.Count));
        var one = data.Instances.Values.First(i => i.Status == "Running");
        Assert.Equal([one.Id], await ElsaPagesAsync(api, new JsonObject { ["searchTerm"] = one.CorrelationId }, 5, 1));
        Assert.Equal([one.Id], await ElsaPagesAsync(api, new JsonObject { ["searchTerm"] = one.Id }, 5, 1));
    }

    /// <summary>Follows the pages of a list API to the end, checking each page's total.</summary>
    private static async Task<List<string>> AllPagesAsync(HttpClient client, string path, int pageSize, int expectedTotal)
    {
        var key = path.StartsWith("/api/tasks", StringComparison.Ordinal) ? "id" : "caseId";
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var body = (await client.GetFromJsonAsync<JsonObject>($"{path}page={page}&pageSize={pageSize}"))!;
            Assert.Equal(expectedTotal, (int)body["totalCount"]!);
            Assert.False((bool)body["totalIsCapped"]!);
            var items = body["items"]!.AsArray();
            Assert.True(items.Count <= pageSize);
            ids.AddRange(items.Select(i => (string)i![key]!));
            if (items.Count < pageSize) return ids;
        }
    }

    private static async Task<List<string>> ElsaPagesAsync(HttpClient client, JsonObject filter, int pageSize, int expectedTotal)
    {
        var ids = new List<string>();
        for (var page = 0; ; page++)
        {
            filter["page"] = page;
            filter["pageSize"] = pageSize;
            using var response = await client.PostAsJsonAsync("/elsa/api/workflow-instances", filter);
            response.EnsureSuccessStatusCode();
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(expectedTotal, (int)body["totalCount"]!);
            var items = body["items"]!.AsArray();
            ids.AddRange(items.Select(i => (string)i!["id"]!));
            if (items.Count < pageSize) return ids;
        }
    }

    private static List<string> CaseIdsIn(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr data-case-id=\"([0-9a-f]+)\"").Select(m => m.Groups[1].Value)];
}
