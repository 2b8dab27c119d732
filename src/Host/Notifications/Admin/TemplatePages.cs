using System.Globalization;
using System.Text;
using Workflows.Host.Notifications.Templates;
using Workflows.Host.Studio;
using static Workflows.Host.Studio.AdminFrame;

namespace Workflows.Host.Notifications.Admin;

/// <summary>消息模板: the templates in force, and an editor with a preview on sample data that names the faulty line.</summary>
internal static class TemplatePages
{
    public static void MapTemplatePages(this IEndpointRouteBuilder app)
    {
        app.MapGet(TemplatesPath, async (HttpContext http, TemplateStore store, CancellationToken ct) =>
        {
            var templates = await store.ListAsync(ct);
            return Page(http, AdminMenu.Templates, t => t.Templates, l => List(l, templates));
        });
        app.MapGet(TemplatesPath + "/{kind}/{channel}", async (string kind, string channel, HttpContext http, TemplateStore store, CancellationToken ct) =>
        {
            if (Channels.Normalize(channel) is not { } c || await store.FindAsync(kind, c, ct) is not { } t) return Results.NotFound();
            var edit = new TemplateEdit(t.Subject, t.Body, t.SmsTemplateCode, TemplateText.FormatParameters(t.SmsParameters));
            return Page(http, AdminMenu.Templates, x => x.Templates, l => Editor(l, kind, c, t, edit, null, null));
        });
        // Plain form posts: action=preview renders with the sample data, save stores (only a template that renders), reset
        // drops the admin's version. The API twin is /api/notifications/templates.
        app.MapPost(TemplatesPath + "/{kind}/{channel}", async (string kind, string channel, HttpContext http, TemplateStore store,
            INotificationAudit audit, CancellationToken ct) =>
        {
            if (Channels.Normalize(channel) is not { } c || await store.FindAsync(kind, c, ct) is not { } current) return Results.NotFound();
            var form = await http.Request.ReadFormAsync(ct);
            var edit = new TemplateEdit(form["subject"], form["body"], form["smsTemplateCode"], form["smsParameters"]);
            var by = http.User.Identity?.Name ?? "admin-page";
            string? saved = null;
            switch (form["action"].ToString())
            {
                case "reset":
                    await store.ResetAsync(kind, c, ct);
                    await audit.RecordAsync("notification.template.reset", $"{kind}/{c}", by, "恢复默认模板", ct);
                    return Results.Redirect($"{TemplatesPath}/{kind}/{c}");
                case "save":
                    var check = TemplatePreview.Render(c, edit);
                    if (check.Ok)
                    {
                        await store.SaveAsync(new TemplateRecord
                        {
                            Kind = kind, Channel = c, Subject = edit.Subject, Body = edit.Body ?? "",
                            SmsTemplateCode = edit.SmsTemplateCode?.Trim(), SmsParameters = edit.SmsParameters,
                        }, by, ct);
                        await audit.RecordAsync("notification.template.save", $"{kind}/{c}", by, "修改消息模板", ct);
                        current = (await store.FindAsync(kind, c, ct))!;
                        saved = "saved";
                    }
                    break;
            }
            var preview = TemplatePreview.Render(c, edit);
            return Page(http, AdminMenu.Templates, x => x.Templates, l => Editor(l, kind, c, current, edit, preview, saved));
        });
    }

    private static string T(AdminLanguage l, string zh, string en) => l.Code == "zh" ? zh : en;

    private static string List(AdminLanguage l, IReadOnlyList<MessageTemplate> templates)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <p class="note">{T(l, "模板使用 Liquid 语法（例如 {{ title }}）。管理员修改后的版本优先于系统默认模板；恢复默认即删除修改。",
                "Templates use Liquid (e.g. {{ title }}). An admin's version overrides the shipped default; reset removes it.")}</p>
            <table><thead><tr><th>{T(l, "消息类型", "Kind")}</th><th>{T(l, "渠道", "Channel")}</th><th>{T(l, "主题 / 短信模板编号", "Subject / SMS template code")}</th>
            <th>{T(l, "来源", "Source")}</th><th>{T(l, "修改时间", "Updated")}</th></tr></thead><tbody>
            """);
        foreach (var t in templates)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><td><a href="{TemplatesPath}/{E(t.Kind)}/{E(t.Channel)}">{E(TemplateKinds.NameOf(t.Kind))}</a> <span class="note">{E(t.Kind)}</span></td>
                <td>{E(t.Channel == Channels.Email ? T(l, "邮件", "Email") : T(l, "短信", "SMS"))}</td><td>{E(t.Subject ?? t.SmsTemplateCode)}</td>
                <td>{(t.IsDefault ? T(l, "系统默认", "Default") : T(l, "已修改", "Edited"))}</td><td>{E(t.UpdatedBy)} {t.UpdatedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}</td></tr>
                """);
        }
        html.Append("</tbody></table>");
        html.Append(CultureInfo.InvariantCulture, $"<h2>{T(l, "可用变量", "Variables")}</h2><table>");
        foreach (var (name, sample) in TemplateKinds.Sample)
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{{{{ {E(name)} }}}}</code></td><td class=\"note\">{E(T(l, "示例：", "e.g. "))}{E(sample)}</td></tr>");
        html.Append("</table>");
        return html.ToString();
    }

    private static string Editor(AdminLanguage l, string kind, string channel, MessageTemplate current, TemplateEdit edit, PreviewResult? preview, string? saved)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <p><a href="{TemplatesPath}">← {T(l, "返回模板列表", "Back to templates")}</a></p>
            <h2>{E(TemplateKinds.NameOf(kind))} · {E(channel == Channels.Email ? T(l, "邮件", "Email") : T(l, "短信", "SMS"))}
              <span class="note">{(current.IsDefault ? T(l, "系统默认", "Default") : T(l, "已修改", "Edited"))}</span></h2>
            {(saved is null ? "" : $"<p class=\"ok\">{T(l, "已保存。", "Saved.")}</p>")}
            <div class="cols"><form method="post">
            """);
        if (channel == Channels.Email)
            html.Append(CultureInfo.InvariantCulture, $"<p><label>{T(l, "主题", "Subject")}<br><textarea name=\"subject\" rows=\"2\">{E(edit.Subject)}</textarea></label></p>");
        else
            html.Append(CultureInfo.InvariantCulture, $"""
                <p><label>{T(l, "服务商模板编号（阿里云 TemplateCode / 腾讯云 TemplateId）", "Provider template code")}<br><input name="smsTemplateCode" value="{E(edit.SmsTemplateCode)}"></label></p>
                <p><label>{T(l, "模板参数（每行“参数名: 内容”，顺序与服务商模板一致；阿里云按名称，腾讯云按顺序）", "Parameters, one 'name: value' a line, in the provider template's order")}<br>
                <textarea name="smsParameters" rows="5">{E(edit.SmsParameters)}</textarea></label></p>
                """);
        html.Append(CultureInfo.InvariantCulture, $"""
            <p><label>{(channel == Channels.Email ? T(l, "正文", "Body") : T(l, "短信内容（服务商审核通过的文字，用于记录和预览）", "Text as approved by the provider (for the log and preview)"))}<br>
            <textarea name="body" rows="16">{E(edit.Body)}</textarea></label></p>
            <p><button name="action" value="preview">{T(l, "预览", "Preview")}</button> <button name="action" value="save">{T(l, "保存", "Save")}</button>
            {(current.IsDefault ? "" : $" <button name=\"action\" value=\"reset\">{T(l, "恢复默认", "Reset to default")}</button>")}</p>
            </form><div>
            """);
        if (preview is not null)
        {
            if (!preview.Ok)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3 class=\"errors\">{T(l, "模板有误，未保存", "The template has errors; not saved")}</h3><ul class=\"errors\">");
                foreach (var e in preview.Errors)
                    html.Append(CultureInfo.InvariantCulture, $"<li>{E(FieldName(l, e.Field))}{(e.Line is { } line ? T(l, $" 第 {line} 行", $" line {line}") : "")}：{E(e.Message)}</li>");
                html.Append("</ul>");
            }
            else
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>{T(l, "预览（示例数据）", "Preview (sample data)")}</h3>");
                if (preview.Subject is not null) html.Append(CultureInfo.InvariantCulture, $"<p><b>{E(preview.Subject)}</b></p>");
                if (preview.SmsTemplateCode is not null)
                    html.Append(CultureInfo.InvariantCulture, $"<p>{E(preview.SmsTemplateCode)}: {E(string.Join("，", preview.SmsParameters.Select(p => $"{p.Name}={p.Value}")))}</p>");
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"preview\">{E(preview.Body)}</div>");
            }
        }
        html.Append("</div></div>");
        return html.ToString();
    }

    private static string FieldName(AdminLanguage l, string field) => field switch
    {
        "subject" => T(l, "主题", "Subject"),
        "body" => T(l, "正文", "Body"),
        "smsParameters" => T(l, "模板参数", "Parameters"),
        "smsTemplateCode" => T(l, "模板编号", "Template code"),
        _ => field,
    };
}
