using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflows.Host.Tests.Procedures;

public sealed class LegalCalendarApiTests
{
    [Fact]
    public async Task Calendar_endpoint_gives_the_worked_examples_with_their_chinese_explanation()
    {
        await using var app = new ProcedureApp();
        var signed0917 = (await app.Client.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=2026-09-17&days=15&kind=calendar"))!;
        Assert.Equal("2026-10-08", (string)signed0917["due"]!);
        var lines = signed0917["explanation"]!.AsArray().Select(l => (string)l!).ToList();
        Assert.Contains(lines, l => l.Contains("2026-09-17 的次日起算", StringComparison.Ordinal) && l.Contains("第二百零一条", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("国庆节", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("第二百零三条", StringComparison.Ordinal) && l.Contains("2026-10-08", StringComparison.Ordinal));

        var signed0925 = (await app.Client.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=2026-09-25&days=15"))!;
        Assert.Equal("2026-10-10", (string)signed0925["due"]!);
        Assert.Contains(signed0925["explanation"]!.AsArray(), l => ((string)l!).Contains("调休上班日", StringComparison.Ordinal));

        Assert.Equal("2026-10-14", (string)(await app.Client.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=2026-10-08&days=5&kind=working"))!["due"]!);
        Assert.Equal("2026-09-30", (string)(await app.Client.GetFromJsonAsync<JsonObject>("/api/calendar/due?from=2026-12-31&months=3&before=true"))!["due"]!);
    }

    [Theory]
    [InlineData("days=15", "from")]
    [InlineData("from=2026-13-01&days=15", "from")]
    [InlineData("from=2026-09-17", "days")]
    [InlineData("from=2026-09-17&days=-3", "days")]
    [InlineData("from=2026-09-17&days=3&months=1", "months")]
    [InlineData("from=2026-09-17&days=3&kind=lunar", "kind")]
    [InlineData("from=2026-09-17&days=3&before=maybe", "before")]
    [InlineData("from=2027-12-25&days=15", "from")] // 2028 is not in the holiday calendar
    [InlineData("from=9999-12-31&days=15", "from")] // used to be .NET's English "Value to add was out of range"
    [InlineData("from=0001-01-01&months=1", "from")]
    public async Task Calendar_endpoint_names_the_bad_parameter(string query, string field)
    {
        await using var app = new ProcedureApp();
        var response = await app.Client.GetAsync("/api/calendar/due?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotNull(problem["errors"]![field]);
        Assert.DoesNotContain("out of range", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
