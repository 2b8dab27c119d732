using System.Net;
using System.Net.Sockets;
using Workflows.Host.Notifications.Senders;
using Workflows.Notifications.Tests.Infrastructure;

namespace Workflows.Notifications.Tests.Email;

public sealed class SmtpEmailSenderTests(SmtpServerFixture smtp) : IClassFixture<SmtpServerFixture>, IAsyncLifetime
{
    private SenderServices _services = null!;

    public Task InitializeAsync()
    {
        // A test that stopped the server must not leave the next one without it.
        smtp.Start();
        _services = Services(smtp.Port);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Email_with_Chinese_subject_and_body_arrives_with_the_right_recipient_subject_and_body()
    {
        var to = Unique("zhangsan");
        const string subject = "【提醒】阳光花园业主大会筹备组成立期限将于3日后届满";
        const string text = "张三同志：\n阳光花园小区业主大会筹备组应于2025年3月17日前成立，请及时办理。\n——某某街道办事处";
        const string html = "<p>张三同志：</p><p>阳光花园小区业主大会筹备组应于<b>2025年3月17日</b>前成立。</p>";

        var result = await _services.Email.SendAsync(new EmailMessage($"张三 <{to}>", subject, text, html), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        var received = Assert.Single(smtp.MessagesTo(to));
        Assert.Equal(result.ProviderMessageId, received.MessageId);
        Assert.Equal([to], received.EnvelopeTo);
        Assert.Equal(to, Assert.Single(received.To).Address);
        Assert.Equal("张三", received.To[0].Name);
        Assert.Equal("reminders@district.example.cn", received.From?.Address);
        Assert.Equal("物业管理工作平台", received.From?.Name);
        Assert.Equal(subject, received.Subject);
        Assert.Equal(text, received.TextBody?.TrimEnd().ReplaceLineEndings("\n"));
        Assert.Equal(html, received.HtmlBody?.TrimEnd());
        Assert.Equal(SenderServices.Now, received.Message.Date);
        // On the wire the subject is RFC 2047 encoded words, not raw UTF-8.
        var rawSubject = System.Text.Encoding.UTF8.GetString(received.Message.Headers.First(h => h.Id == MimeKit.HeaderId.Subject).RawValue);
        Assert.StartsWith("=?utf-8?", rawSubject.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Email_to_several_recipients_is_one_message_to_all_of_them()
    {
        var first = Unique("a");
        var second = Unique("b");

        var result = await _services.Email.SendAsync(new EmailMessage([first, second], "通知", "正文"), CancellationToken.None);

        Assert.True(result.Succeeded);
        var received = Assert.Single(smtp.MessagesTo(first));
        Assert.Equal([first, second], received.EnvelopeTo);
    }

    [Fact]
    public async Task Server_down_is_a_transient_failure_and_sending_works_again_once_it_is_back()
    {
        var to = Unique("down");
        smtp.Stop();

        var whileDown = await _services.Email.SendAsync(new EmailMessage(to, "提醒", "正文"), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, whileDown.Status);
        Assert.Equal("ConnectionFailed", whileDown.ErrorCode);

        smtp.Start();
        var afterRestart = await _services.Email.SendAsync(new EmailMessage(to, "提醒", "正文"), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, afterRestart.Status);
        Assert.Single(smtp.MessagesTo(to));
    }

    [Fact]
    public async Task Recipient_refused_with_a_5xx_reply_is_a_permanent_failure()
    {
        var to = Unique("reject5");

        var result = await _services.Email.SendAsync(new EmailMessage(to, "提醒", "正文"), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Equal("550", result.ErrorCode);
        Assert.Contains(to, result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(smtp.MessagesTo(to));
    }

    [Fact]
    public async Task Recipient_deferred_with_a_4xx_reply_is_a_transient_failure()
    {
        var result = await _services.Email.SendAsync(new EmailMessage(Unique("reject4"), "提醒", "正文"), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Equal("451", result.ErrorCode);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("@example.cn")]
    [InlineData("")]
    public async Task An_invalid_address_is_a_permanent_failure_and_nothing_is_sent(string address)
    {
        var before = smtp.Messages.Count;

        var result = await _services.Email.SendAsync(new EmailMessage(address, "提醒", "正文"), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Equal("InvalidAddress", result.ErrorCode);
        Assert.Equal(before, smtp.Messages.Count);
    }

    [Fact]
    public async Task A_server_that_accepts_the_connection_but_never_answers_is_a_transient_timeout()
    {
        // Listens (so the connection succeeds) but never sends the SMTP greeting.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        await using var services = Services(((IPEndPoint)silent.LocalEndpoint).Port, timeoutSeconds: 1);

        var result = await services.Email.SendAsync(new EmailMessage(Unique("silent"), "提醒", "正文"), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Equal("Timeout", result.ErrorCode);
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.cn";

    private static SenderServices Services(int port, int timeoutSeconds = 30) => new(new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:FromAddress"] = "reminders@district.example.cn",
        ["Smtp:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}
