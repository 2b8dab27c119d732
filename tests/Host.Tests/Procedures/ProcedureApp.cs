using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Procedures;

/// <summary>
/// The real Host with the shipped definitions and the demo district (Development), clock at
/// <see cref="WorkflowsApp.DefaultStart"/> (Friday 2026-09-25 09:00 China), and a test-only 2027 holiday year so
/// that one-year periods can be counted (unless <c>with2027Holidays</c> is false).
/// </summary>
internal sealed class ProcedureApp : IAsyncDisposable
{
    public ProcedureApp(DateTimeOffset? start = null, bool with2027Holidays = true)
    {
        App = new WorkflowsApp(definitionsPath: RepoPaths.Definitions, start: start, settings: new Dictionary<string, string?>
        {
            ["Calendar:HolidaysFile"] = with2027Holidays ? Path.Combine(AppContext.BaseDirectory, "Procedures", "holidays-2027-test.json") : null,
            // The tests say which years are covered; Development's provisional demo year would blur that.
            ["Calendar:DemoHolidayYearFile"] = null,
        });
        Client = App.CreateApiClient();
    }

    public WorkflowsApp App { get; }
    public HttpClient Client { get; }

    public async Task<(string CaseId, string InstanceId)> StartAsync(string procedure, string compoundId, JsonObject? input = null)
    {
        var response = await Client.PostAsJsonAsync("/api/cases", new JsonObject
        {
            ["procedure"] = procedure, ["compoundId"] = compoundId, ["input"] = input ?? new JsonObject(),
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Start {procedure} failed with {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        return (json["caseId"]!.GetValue<string>(), json["workflowInstanceId"]!.GetValue<string>());
    }

    public async Task<JsonObject> CaseAsync(string caseId)
    {
        var response = await Client.GetAsync($"/api/cases/{caseId}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET case failed with {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The open task with this title (exactly one expected).</summary>
    public async Task<JsonObject> OpenTaskAsync(string caseId, string title)
    {
        var view = await CaseAsync(caseId);
        var matches = view["openTasks"]!.AsArray().Select(t => t!.AsObject()).Where(t => (string)t["title"]! == title).ToList();
        Assert.True(matches.Count == 1, $"Expected one open task '{title}'; open: {string.Join(" | ", OpenTitles(view))}");
        return matches[0];
    }

    public static IEnumerable<string> OpenTitles(JsonObject view) =>
        view["openTasks"]!.AsArray().Select(t => (string)t!["title"]!);

    public static IEnumerable<string> DoneTitles(JsonObject view) =>
        view["doneTasks"]!.AsArray().Select(t => (string)t!["title"]!);

    public async Task<JsonObject> CompleteAsync(string caseId, string title, string? outcome = null, JsonObject? form = null)
    {
        var task = await OpenTaskAsync(caseId, title);
        var response = await Client.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete",
            new JsonObject { ["outcome"] = outcome, ["form"] = form ?? new JsonObject() });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Completing '{title}' failed with {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<JsonObject> FilingAsync(string caseId, string type)
    {
        var view = await CaseAsync(caseId);
        return view["filings"]!.AsArray().Select(f => f!.AsObject()).Single(f => (string)f["type"]! == type);
    }

    public async Task<HttpResponseMessage> RecordFilingAsync(string filingId, string filedOn, string receipt = "回执-001") =>
        await Client.PostAsJsonAsync($"/api/filings/{filingId}/record", new JsonObject { ["filedOn"] = filedOn, ["receiptNumber"] = receipt });

    public Task<int> AdvanceAsync(int days = 0, int hours = 0, int minutes = 0) => App.AdvanceAsync(Client, days, hours, minutes);

    /// <summary>The domain lines of an instance's journal (task opened, filing overdue ...), in order.</summary>
    public async Task<List<(string Event, string? Message)>> JournalAsync(string instanceId)
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        var rows = await db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence)
            .Select(j => new { j.EventName, j.Message }).ToListAsync();
        return rows.Select(r => (r.EventName, r.Message)).ToList();
    }

    /// <summary>The messages the procedure itself sent (Pm.Notify), without the deadline reminders (those have a stage).</summary>
    public async Task<List<OutboxMessage>> OutboxAsync(string instanceId)
    {
        await using var scope = App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        return await db.Outbox.AsNoTracking().Where(o => o.InstanceId == instanceId && o.Stage == null).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
