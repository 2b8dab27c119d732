using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Workspace;

namespace Workflows.Host.Tests.Hardening;

/// <summary>
/// The rehearsal clock is for admins and API keys only, and bounded: an anonymous <c>{"days":2920000}</c> used to push
/// the clock past year 9999 and break every later clock read.
/// </summary>
public sealed class RehearsalClockTests : IAsyncLifetime
{
    private readonly WorkflowsApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task An_anonymous_advance_is_refused_and_the_clock_does_not_move()
    {
        using var anonymous = _app.CreateClient();
        var before = _app.Clock.GetUtcNow();

        using var advance = await anonymous.PostAsJsonAsync("/api/dev/clock/advance", new { days = 2920000 });
        using var read = await anonymous.GetAsync("/api/dev/clock");

        Assert.Equal(HttpStatusCode.Unauthorized, advance.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(before, _app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task An_officer_may_not_move_the_clock()
    {
        using var officer = await Session.SignInAsync(_app, "community.shangwu");

        using var advance = await officer.SendAsync(HttpMethod.Post, "/api/dev/clock/advance", "{\"days\": 1}");

        Assert.Equal(HttpStatusCode.Forbidden, advance.StatusCode);
    }

    [Theory]
    [InlineData("{\"days\": 2920000}", "days", "400")]
    [InlineData("{\"minutes\": 2147483647}", "minutes", "400")]
    [InlineData("{\"days\": 2147483647, \"hours\": 2147483647, \"minutes\": 2147483647}", "days", "400")]
    [InlineData("{\"days\": 401}", "days", "400")]
    [InlineData("{\"hours\": -1}", "hours", "负数")]
    [InlineData("{}", "days", "请给出")]
    public async Task A_huge_negative_or_missing_advance_is_a_400_naming_the_field(string body, string field, string says)
    {
        using var client = _app.CreateApiClient();
        var before = _app.Clock.GetUtcNow();

        using var response = await client.PostAsync("/api/dev/clock/advance", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        using var read = await client.GetAsync("/api/dev/clock");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, (string)problem["errors"]![field]![0]!, StringComparison.Ordinal);
        Assert.Equal(before, _app.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task The_clock_never_passes_2100()
    {
        using var client = _app.CreateApiClient();
        // 2026-09-25 + 400 days × 184 calls would be 2228; the calls stop being accepted before 2100.
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 200 && refused is null; i++)
        {
            var response = await client.PostAsJsonAsync("/api/dev/clock/advance", new { days = 400 });
            if (response.StatusCode != HttpStatusCode.OK) refused = response;
            else response.Dispose();
        }

        Assert.NotNull(refused);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("2100-01-01", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(_app.Clock.GetUtcNow() < new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.True(_app.Clock.GetUtcNow() > new DateTimeOffset(2098, 11, 1, 0, 0, 0, TimeSpan.Zero));
        refused.Dispose();
    }
}
