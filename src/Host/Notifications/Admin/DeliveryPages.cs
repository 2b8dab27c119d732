using System.Globalization;
using System.Text;
using Workflows.Host.Persistence;
using Workflows.Host.Studio;
using Workflows.PropertyManagement.Calendar;
using static Workflows.Host.Studio.AdminFrame;

namespace Workflows.Host.Notifications.Admin;

/// <summary>发送记录: the delivery log with filters, each message's attempts, and the resend button.</summary>
internal static class DeliveryPages
{
    public static void MapDeliveryPages(this IEndpointRouteBuilder app)
    {
        app.MapGet(DeliveriesPath, async (HttpContext http, DeliveryLog log, CancellationToken ct) =>
        {
            var q = http.Request.Query;
            Enum.TryParse<OutboxStatus>(q["status"], out var status);
            var filter = new DeliveryFilter(q["channel"], string.IsNullOrEmpty(q["status"]) ? null : status, q["recipient"],
                Date(q["from"]), Date(q["to"]), q["caseId"], q["instanceId"], int.TryParse(q["page"], out var p) ? p : 1);
            var page = await log.ListAsync(filter, ct);
            return Page(http, AdminMenu.Deliveries, t => t.Deliveries, lang => List(lang, http, filter, page));
        });
        app.MapGet(DeliveriesPath + "/{id}", async (string id, HttpContext http, DeliveryLog log, CancellationToken ct) =>
            await log.FindAsync(id, ct) is { } found
                ? Page(http, AdminMenu.Deliveries, t => t.Deliveries, lang => Detail(lang, found.Message, found.Attempts))
                : Results.NotFound());
        // A plain form post (the admin pages have no script); the API twin is POST /api/notifications/messages/{id}/resend.
        app.MapPost(DeliveriesPath + "/{id}/resend", async (string id, HttpContext http, DeliveryLog log, CancellationToken ct) =>
            await log.ResendAsync(id, http.User.Identity?.Name ?? "admin-page", ct) is { } copy
                ? Results.Redirect($"{DeliveriesPath}/{copy.Id}") : Results.NotFound());
    }

    private static string T(AdminLanguage l, string zh, string en) => l.Code == "zh" ? zh : en;

    private static string List(AdminLanguage l, HttpContext http, DeliveryFilter f, DeliveryPage page)
    {
        var html = new StringBuilder();
        string Opt(string value, string label, string? current) =>
            $"<option value=\"{E(value)}\"{(string.Equals(value, current, StringComparison.OrdinalIgnoreCase) ? " selected" : "")}>{E(label)}</option>";
        html.Append(CultureInfo.InvariantCulture, $"""
            <form class="filters" method="get">
              <label>{T(l, "渠道", "Channel")}<select name="channel">{Opt("", T(l, "全部", "All"), f.Channel)}{Opt("Email", T(l, "邮件", "Email"), f.Channel)}{Opt("Sms", T(l, "短信", "SMS"), f.Channel)}</select></label>
              <label>{T(l, "状态", "Status")}<select name="status">{Opt("", T(l, "全部", "All"), f.Status?.ToString())}{string.Concat(Enum.GetNames<OutboxStatus>().Select(s => Opt(s, StatusName(l, s), f.Status?.ToString())))}</select></label>
              <label>{T(l, "收件人", "Recipient")}<input name="recipient" value="{E(f.Recipient)}"></label>
              <label>{T(l, "起始日期", "From")}<input type="date" name="from" value="{f.From:yyyy-MM-dd}"></label>
              <label>{T(l, "截止日期", "To")}<input type="date" name="to" value="{f.To:yyyy-MM-dd}"></label>
              <label>{T(l, "案件", "Case")}<input name="caseId" value="{E(f.CaseId)}"></label>
              <label>{T(l, "流程实例", "Instance")}<input name="instanceId" value="{E(f.InstanceId)}"></label>
              <button type="submit">{T(l, "查询", "Search")}</button>
            </form>
            <p class="note">{T(l, $"共 {page.Total} 条", $"{page.Total} messages")}</p>
            <table><thead><tr><th>{T(l, "创建时间", "Created")}</th><th>{T(l, "渠道", "Channel")}</th><th>{T(l, "收件人", "Recipient")}</th>
            <th>{T(l, "类型", "Kind")}</th><th>{T(l, "主题 / 内容", "Subject / text")}</th><th>{T(l, "状态", "Status")}</th><th>{T(l, "尝试", "Attempts")}</th>
            <th>{T(l, "下次尝试", "Next attempt")}</th><th>{T(l, "最后错误", "Last error")}</th><th>{T(l, "案件 / 实例", "Case / instance")}</th><th></th></tr></thead><tbody>
            """);
        foreach (var m in page.Items)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{Time(m.CreatedAt)}</td><td>{E(m.Channel)}</td><td>{E(m.RecipientName)} {E(m.Recipient)}</td><td>{E(Templates.TemplateKinds.NameOf(m.Kind))}</td>
                <td><a href="{DeliveriesPath}/{E(m.Id)}">{E(m.Subject ?? Short(m.Body))}</a></td><td class="status-{m.Status}">{E(StatusName(l, m.Status.ToString()))}</td>
                <td>{m.Attempts}</td><td>{(m.Status == OutboxStatus.Pending ? Time(m.NextAttemptAt) : "")}</td><td class="errors">{E(m.LastError)}</td>
                <td>{E(m.CaseId)}<br><span class="note">{E(m.InstanceId)}</span></td>
                <td><form method="post" action="{DeliveriesPath}/{E(m.Id)}/resend"><button type="submit">{T(l, "重发", "Resend")}</button></form></td></tr>
                """);
        }
        html.Append("</tbody></table>");
        if (page.Total > page.Page * page.PageSize)
        {
            var next = QueryString.Create(http.Request.Query.Where(kv => kv.Key != "page").Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value.ToString()))
                .Append(KeyValuePair.Create("page", (string?)(page.Page + 1).ToString(CultureInfo.InvariantCulture))));
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{DeliveriesPath}{next}\">{T(l, "下一页", "Next page")}</a></p>");
        }
        return html.ToString();
    }

    private static string Detail(AdminLanguage l, OutboxMessage m, IReadOnlyList<Outbox.DeliveryAttempt> attempts)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <p><a href="{DeliveriesPath}">← {T(l, "返回发送记录", "Back to the log")}</a></p>
            <table>
            <tr><th>{T(l, "收件人", "Recipient")}</th><td>{E(m.Channel)} {E(m.RecipientName)} {E(m.Recipient)}</td></tr>
            <tr><th>{T(l, "状态", "Status")}</th><td class="status-{m.Status}">{E(StatusName(l, m.Status.ToString()))}</td></tr>
            <tr><th>{T(l, "幂等键", "Idempotency key")}</th><td>{E(m.IdempotencyKey)}</td></tr>
            <tr><th>{T(l, "主题", "Subject")}</th><td>{E(m.Subject)}</td></tr>
            <tr><th>{T(l, "内容", "Text")}</th><td class="preview">{E(m.Body)}</td></tr>
            <tr><th>{T(l, "短信模板", "SMS template")}</th><td>{E(m.SmsTemplateCode)} {E(m.SmsParametersJson)}</td></tr>
            <tr><th>{T(l, "服务商消息编号", "Provider message id")}</th><td>{E(m.ProviderMessageId)}</td></tr>
            <tr><th>{T(l, "重发自", "Resend of")}</th><td>{(m.ResendOf is null ? "" : $"<a href=\"{DeliveriesPath}/{E(m.ResendOf)}\">{E(m.ResendOf)}</a>")}</td></tr>
            </table>
            <form method="post" action="{DeliveriesPath}/{E(m.Id)}/resend"><p><button type="submit">{T(l, "重发", "Resend")}</button></p></form>
            <h2>{T(l, "发送尝试", "Attempts")}</h2>
            <table><thead><tr><th>#</th><th>{T(l, "开始", "Started")}</th><th>{T(l, "结果", "Outcome")}</th><th>{T(l, "服务商消息编号", "Provider id")}</th><th>{T(l, "错误", "Error")}</th><th>{T(l, "进程", "Worker")}</th></tr></thead><tbody>
            """);
        foreach (var a in attempts)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{a.Attempt}</td><td>{Time(a.StartedAt)}</td><td>{E(a.Outcome.ToString())}</td><td>{E(a.ProviderMessageId)}</td><td class=\"errors\">{E(a.ErrorCode)} {E(a.Error)}</td><td>{E(a.Worker)}</td></tr>");
        html.Append("</tbody></table>");
        return html.ToString();
    }

    private static string StatusName(AdminLanguage l, string status) => l.Code != "zh" ? status : status switch
    {
        "Pending" => "待发送", "Sending" => "发送中", "Sent" => "已发送", "Failed" => "失败", "Cancelled" => "已撤销", _ => status,
    };

    private static string Time(DateTimeOffset? at) =>
        at is { } t ? ChinaTime.ToChinaTime(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
