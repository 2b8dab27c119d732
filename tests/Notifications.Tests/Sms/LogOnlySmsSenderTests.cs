using Workflows.Host.Notifications.Senders;
using Workflows.Notifications.Tests.Infrastructure;

namespace Workflows.Notifications.Tests.Sms;

public sealed class LogOnlySmsSenderTests
{
    [Fact]
    public async Task Log_only_sender_logs_the_masked_number_and_returns_a_generated_id()
    {
        await using var services = new SenderServices(new Dictionary<string, string?>());

        var result = await services.Sms.SendAsync(
            new SmsMessage("13800138000", "SMS_154950909", [new("compound", "阳光花园")], "notification-7"), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(LogOnlySmsSender.IdPrefix + SenderServices.Nonce, result.ProviderMessageId);
        var line = Assert.Single(services.Logs.Lines, l => l.Contains("SMS_154950909", StringComparison.Ordinal));
        Assert.Contains("138****8000", line, StringComparison.Ordinal);
        Assert.Contains("notification-7", line, StringComparison.Ordinal);
        Assert.DoesNotContain(services.Logs.Lines, l => l.Contains("13800138000", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("23800138000")]
    [InlineData("12800138000")]
    [InlineData("138001380001")]
    [InlineData("+85213800138000")]
    [InlineData("138-0013-8000")]
    public async Task A_number_that_is_not_a_mainland_mobile_is_a_permanent_failure(string number)
    {
        await using var services = new SenderServices(new Dictionary<string, string?>());

        var result = await services.Sms.SendAsync(new SmsMessage(number, "SMS_1", []), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Equal("InvalidMessage", result.ErrorCode);
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+8619912345678")]
    [InlineData(" 13912345678 ")]
    public async Task Mainland_mobile_numbers_with_or_without_country_code_are_accepted(string number)
    {
        await using var services = new SenderServices(new Dictionary<string, string?>());

        var result = await services.Sms.SendAsync(new SmsMessage(number, "SMS_1", []), CancellationToken.None);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task A_template_parameter_given_twice_is_a_permanent_failure()
    {
        await using var services = new SenderServices(new Dictionary<string, string?>());

        var result = await services.Sms.SendAsync(
            new SmsMessage("13800138000", "SMS_1", [new("days", "5"), new("days", "6")]), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Contains("'days' is given twice", result.ErrorMessage, StringComparison.Ordinal);
    }
}
