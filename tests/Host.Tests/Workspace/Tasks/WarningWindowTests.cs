using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Procedures;

namespace Workflows.Host.Tests.Workspace.Tasks;

/// <summary><c>Workspace:WarningDays</c>: how close a due date turns a task yellow; a bad value stops the start.</summary>
public sealed class WarningWindowTests
{
    [Theory]
    [InlineData("-1")]
    [InlineData("61")]
    public async Task A_bad_warning_window_stops_the_start_with_a_message_naming_it(string value)
    {
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?> { ["Workspace:WarningDays"] = value });
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("Workspace:WarningDays", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "yellow")]
    [InlineData("1", "green")]
    public async Task The_intake_due_in_three_days_is_yellow_by_default_and_green_with_a_one_day_window(string? warningDays, string light)
    {
        // Friday 2026-09-25 09:00: the intake (1 working day) is due Monday 09-28, three calendar days ahead.
        await using var app = new WorkflowsApp(definitionsPath: RepoPaths.Definitions,
            settings: warningDays is null ? null : new Dictionary<string, string?> { ["Workspace:WarningDays"] = warningDays });
        using var api = app.CreateApiClient();
        using var started = await api.PostAsJsonAsync("/api/cases", new JsonObject
        {
            ["procedure"] = "complaint-escalation", ["compoundId"] = "hudong-mingyuan", ["input"] = new JsonObject { ["complaint"] = "噪声" },
        });
        started.EnsureSuccessStatusCode();

        var open = (await api.GetFromJsonAsync<JsonObject>("/api/tasks?scope=unit"))!["items"]!.AsArray();

        var intake = open.Single(t => (string)t!["title"]! == "登记受理物业投诉")!;
        Assert.Equal(3, (int)intake["daysLeft"]!);
        Assert.Equal("剩余3天", (string)intake["timeLeft"]!);
        Assert.Equal(light, (string)intake["light"]!);
    }
}
