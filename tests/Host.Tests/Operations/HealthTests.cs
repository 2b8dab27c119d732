using System.Net;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Reminders;
using Workflows.Notifications.Tests.Infrastructure;

namespace Workflows.Host.Tests.Operations;

/// <summary>/health/live, /health/ready and its alias /health, as a load balancer and an operator read them.</summary>
public sealed class HealthTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>
{
    [Fact]
    public async Task Ready_is_503_while_the_database_file_is_unreachable_and_200_again_when_it_returns()
    {
        await using var app = new WorkflowsApp();
        var client = app.CreateClient();
        var (status, ready) = await GetAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", (string?)ready["checks"]!["database"]!["status"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["scheduler"]!["status"]);
        Assert.Equal(true, (bool?)ready["checks"]!["startup"]!["data"]!["definitionsImported"]);

        // The data folder disappears (an unmounted disk, a mistaken move): the file cannot be opened any more.
        var away = app.DataPath + ".away";
        Directory.Move(app.DataPath, away);
        try
        {
            var (downStatus, down) = await GetAsync(client, "/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
            Assert.Equal("Unhealthy", (string?)down["status"]);
            Assert.Equal("Unhealthy", (string?)down["checks"]!["database"]!["status"]);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(client, "/health")).Status);
            // The process itself is fine: a restart would not help, so liveness stays green.
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/live")).Status);
            // Nothing was created in its place.
            Assert.False(Directory.Exists(app.DataPath));
        }
        finally
        {
            Directory.Move(away, app.DataPath);
        }

        var (backStatus, back) = await GetAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, backStatus);
        Assert.Equal("Healthy", (string?)back["checks"]!["database"]!["status"]);
    }

    [Fact]
    public async Task An_unreachable_SMTP_server_makes_ready_Degraded_with_200_and_a_reachable_one_Healthy()
    {
        await using (var up = NotificationTestKit.App(smtp))
        {
            var (status, body) = await GetAsync(up.CreateClient(), "/health/ready");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Healthy", (string?)body["status"]);
            Assert.Equal("Healthy", (string?)body["checks"]!["smtp"]!["status"]);
        }

        smtp.Stop();
        try
        {
            await using var down = NotificationTestKit.App(smtp);
            var (status, body) = await GetAsync(down.CreateClient(), "/health/ready");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("Degraded", (string?)body["status"]);
            Assert.Equal("Degraded", (string?)body["checks"]!["smtp"]!["status"]);
            Assert.Contains($"127.0.0.1:{smtp.Port}", (string?)body["checks"]!["smtp"]!["description"], StringComparison.Ordinal);
            Assert.Equal("Healthy", (string?)body["checks"]!["database"]!["status"]);
        }
        finally
        {
            smtp.Start();
        }
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }
}
