using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Procedures;

public sealed class CalendarSettingsTests
{
    [Theory]
    [InlineData("Calendar:OfficeClosing", "25:00")]
    [InlineData("Calendar:OfficeClosing", "00:00")]
    [InlineData("Calendar:HolidaysFile", "no-such-file.json")]
    public async Task Bad_calendar_setting_stops_the_start_with_a_message_naming_it(string key, string value)
    {
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?> { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_holiday_file_stops_the_start_with_the_problem_listed()
    {
        var file = Path.Combine(TempFolder.Create("holidays"), "holidays.json");
        await File.WriteAllTextAsync(file, """{ "years": [ { "year": 2027, "holidays": [ { "from": "2027-02-30", "to": "2027-02-01", "name": "春节" } ] } ] }""");
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?> { ["Calendar:HolidaysFile"] = file });
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("Calendar:HolidaysFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("2027-02-30", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_holiday_file_adds_a_year_and_office_closing_time_moves_the_filing_deadline()
    {
        var file = Path.Combine(TempFolder.Create("holidays"), "holidays.json");
        await File.WriteAllTextAsync(file, """
            { "years": [ { "year": 2027, "source": "测试数据",
                "holidays": [ { "from": "2027-01-01", "to": "2027-01-03", "name": "元旦" } ] } ] }
            """);
        await using var app = new WorkflowsApp(definitionsPath: RepoPaths.Definitions, start: new DateTimeOffset(2026, 12, 18, 1, 0, 0, TimeSpan.Zero),
            settings: new Dictionary<string, string?> { ["Calendar:HolidaysFile"] = file, ["Calendar:OfficeClosing"] = "12:00" });
        using var client = app.CreateApiClient();
        var due = (await client.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=2026-12-17&days=15"))!;
        Assert.Equal("2027-01-04", (string)due["due"]!); // day 15 is 2027-01-01, a holiday through 01-03
        var response = await client.PostAsJsonAsync("/api/cases", new JsonObject
        {
            ["procedure"] = "contract-filing", ["compoundId"] = "minquan-garden", ["input"] = new JsonObject { ["signedOn"] = "2026-12-17" },
        });
        response.EnsureSuccessStatusCode();
        var caseId = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["caseId"]!;
        var view = (await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!;
        var filing = view["filings"]![0]!;
        Assert.Equal("2027-01-04", (string)filing["dueDate"]!);
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 12, 0, 0, TimeSpan.FromHours(8)), filing["dueAt"]!.GetValue<DateTimeOffset>());
    }
}
