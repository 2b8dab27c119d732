using System.Net;
using System.Text.RegularExpressions;
using Serilog.Events;
using Serilog.Parsing;
using Workflows.Host.Diagnostics;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Diagnostics;

/// <summary>
/// A probe signed in with a user name holding CR/LF and a fake log line: the console log showed that line as if the
/// service had written it. The console must show it escaped, inside the real line.
/// </summary>
public sealed partial class ConsoleLogForgingTests
{
    private const string Forged = "[09:00:00 INF] admin signed in";

    [Fact]
    public async Task A_user_name_or_path_with_a_line_break_appears_escaped_in_the_console_log_of_a_running_host()
    {
        var environment = TestDatabase.AsEnvironment(await TestDatabase.Sqlite.NewAsync());
        environment["Definitions__Path"] = TempFolder.Create("log-forging-defs");
        environment["Logging__Path"] = TempFolder.Create("log-forging-logs");
        await using var host = await HostProcess.StartAsync(environment);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = host.BaseAddress,
        };
        var marker = Guid.NewGuid().ToString("N")[..8];

        var page = await client.GetStringAsync("/account/login");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        using var form = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["userName"] = $"nobody-{marker}\r\n{Forged}",
                ["password"] = "wrong",
                ["__RequestVerificationToken"] = token,
            }),
        };
        form.Headers.Add("Origin", host.BaseAddress.GetLeftPart(UriPartial.Authority));
        await client.SendAsync(form);
        await client.GetAsync($"/nowhere-{marker}%0D%0A{Uri.EscapeDataString(Forged)}");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(host.OutputTail.Contains($"nobody-{marker}", StringComparison.Ordinal) && host.OutputTail.Contains($"nowhere-{marker}", StringComparison.Ordinal))
               && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var lines = host.OutputTail.Split(Environment.NewLine);
        Assert.Contains(lines, l => l.Contains($"nobody-{marker}\\r\\n{Forged}", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"nowhere-{marker}\\r\\n{Forged}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith(Forged, StringComparison.Ordinal));
    }

    [Fact]
    public void Control_characters_in_messages_and_exceptions_never_start_a_line_of_their_own()
    {
        var template = new MessageTemplateParser().Parse("Not found: {Path}");
        var exception = new InvalidOperationException($"bad value\n{Forged}");
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Warning, exception, template,
            [new LogEventProperty("Path", new ScalarValue($"/x\r\n{Forged}\u001b[2J"))]);
        var output = new StringWriter();

        new ConsoleLineFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}").Format(logEvent, output);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith($"Not found: /x\\r\\n{Forged}\\u001b[2J", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("    ", l, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith(Forged, StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
