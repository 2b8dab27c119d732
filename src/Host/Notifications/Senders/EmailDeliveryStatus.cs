using Microsoft.Extensions.Options;

namespace Workflows.Host.Notifications.Senders;

/// <summary>How email goes out, as the admin home shows it: <c>Smtp</c> (sent), <c>Disabled</c> or <c>NotConfigured</c> (marked NotSent).</summary>
public sealed record EmailDeliveryState(string Mode, bool Sends, string Message);

/// <summary>Reads <see cref="SmtpOptions"/> into what an admin needs to know (<c>GET /api/notifications/status</c>).</summary>
public sealed class EmailDeliveryStatus(IOptions<SmtpOptions> options)
{
    public EmailDeliveryState Current
    {
        get
        {
            var smtp = options.Value;
            if (smtp.SendsEmail) return new("Smtp", true, $"邮件经 {smtp.Host}:{smtp.Port} 发送。");
            return smtp.Disabled
                ? new("Disabled", false, "邮件发送已停用（Smtp:Disabled=true）：邮件不会发出，发送记录中标记为“未发送”。")
                : new("NotConfigured", false, "未配置邮件服务器（Smtp:Host）：邮件不会发出，发送记录中标记为“未发送”。");
        }
    }
}
