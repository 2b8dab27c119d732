using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Workflows.Host.Notifications.Outbox;
using Workflows.Host.Notifications.Senders;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Workspace;
using static Workflows.Host.Tests.Infrastructure.Flowcharts;

namespace Workflows.Host.Tests.Reminders;

/// <summary>
/// The probe's reproduction: without <c>Smtp:Host</c> every email was marked Sent and its body logged, and Production
/// started without a word. Now Production refuses to start unless email is disabled on purpose, and a disabled
/// email is marked NotSent with only its subject and masked recipient in the log.
/// </summary>
public sealed class EmailDisabledTests
{
    [Fact]
    public async Task Production_without_an_smtp_host_refuses_to_start_naming_the_setting()
    {
        await using var app = new WorkflowsApp(environment: "Production", settings: new Dictionary<string, string?> { ["Smtp:Disabled"] = "false" });

        var refused = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Smtp:Host is required in Production", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("Smtp:Disabled=true", refused.ToString(), StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Production_with_email_disabled_on_purpose_starts_and_the_admin_status_says_email_is_off()
    {
        await using var app = new WorkflowsApp(environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Smtp:Disabled"] = "true",
            ["Security:ApiKeys:0:Name"] = "tests",
            ["Security:ApiKeys:0:Sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(WorkflowsApp.ApiKey))),
        });
        using var client = app.CreateApiClient();

        var status = await client.GetFromJsonAsync<JsonObject>("/api/notifications/status");

        Assert.Equal("Disabled", (string)status!["email"]!["mode"]!);
        Assert.False((bool)status["email"]!["sends"]!);
        Assert.Contains("Smtp:Disabled=true", (string)status["email"]!["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_email_disabled_a_message_is_marked_NotSent_and_its_body_never_reaches_the_log()
    {
        var log = new RecordingLogger<LogOnlyEmailSender>();
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?> { ["Smtp:Disabled"] = "true" }, services: services =>
        {
            services.RemoveAll<ILogger<LogOnlyEmailSender>>();
            services.AddSingleton<ILogger<LogOnlyEmailSender>>(log);
        });
        using var client = app.CreateApiClient();
        const string body = "投诉人王某某反映楼道堆放杂物，联系电话 13700001111。";
        var to = $"wang.{Guid.NewGuid():N}@wuye.test";
        await client.SaveAsync(Definition("mail-off", "发邮件",
            [
                Activity("start", "Elsa.Start"),
                Activity("mail", "Elsa.SendEmail", ("to", Literal("List<String>", new JsonArray(to))), ("subject", Literal("String", "投诉转办")),
                    ("body", Literal("String", body))),
            ],
            [Connect("start", "mail")]), publish: true);

        await client.ExecuteAsync("mail-off");

        await NotificationTestKit.WaitUntilAsync(async () => (await app.OutboxAsync()).Any(m => m.Recipient == to && m.Status == OutboxStatus.NotSent),
            "the message to be marked NotSent", TimeSpan.FromSeconds(60));
        var message = (await app.OutboxAsync()).Single(m => m.Recipient == to);
        Assert.Null(message.SentAt);
        Assert.Contains("Smtp:Disabled", message.LastError, StringComparison.Ordinal);
        Assert.Equal(DeliveryOutcome.NotSent, Assert.Single(await app.AttemptsAsync(message.Id)).Outcome);
        var line = Assert.Single(log.Entries, e => e.Message.Contains("投诉转办", StringComparison.Ordinal)).Message;
        Assert.Contains("w***@wuye.test", line, StringComparison.Ordinal);
        Assert.DoesNotContain(to, line, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("13700001111", StringComparison.Ordinal) || e.Message.Contains("楼道", StringComparison.Ordinal));
        var status = await client.GetFromJsonAsync<JsonObject>("/api/notifications/status");
        Assert.Equal("Disabled", (string)status!["email"]!["mode"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
