using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Notifications.Templates;
using Workflows.Host.Web;
using Workflows.Host.Workspace.Pages;

namespace Workflows.Host.Notifications.Admin;

/// <summary>消息模板: the templates in force (<see cref="TemplateListPage"/>), and an editor with a preview on sample data that names the faulty line (<see cref="TemplateEditorPage"/>).</summary>
internal static class TemplatePages
{
    public const string Path = SiteMenu.Templates;

    public static string EditorPath(string kind, string channel) => $"{Path}/{Uri.EscapeDataString(kind)}/{Uri.EscapeDataString(channel)}";

    public static void MapTemplatePages(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, async (TemplateStore store, CancellationToken ct) =>
            new RazorComponentResult<TemplateListPage>(new Dictionary<string, object?> { [nameof(TemplateListPage.Templates)] = await store.ListAsync(ct) }));
        app.MapGet(Path + "/{kind}/{channel}", async (string kind, string channel, TemplateStore store, CancellationToken ct) =>
        {
            if (Channels.Normalize(channel) is not { } c || await store.FindAsync(kind, c, ct) is not { } t) return Results.NotFound();
            var edit = new TemplateEdit(t.Subject, t.Body, t.SmsTemplateCode, TemplateText.FormatParameters(t.SmsParameters));
            return Editor(kind, c, t, edit, null, saved: false);
        });
        // Plain form posts: action=preview renders with the sample data, save stores (only a template that renders), reset
        // drops the admin's version. The API twin is /api/notifications/templates.
        app.MapPost(Path + "/{kind}/{channel}", async (string kind, string channel, HttpContext http, TemplateStore store,
            INotificationAudit audit, CancellationToken ct) =>
        {
            if (Channels.Normalize(channel) is not { } c || await store.FindAsync(kind, c, ct) is not { } current) return Results.NotFound();
            var form = await http.Request.ReadFormAsync(ct);
            var edit = new TemplateEdit(form["subject"], form["body"], form["smsTemplateCode"], form["smsParameters"]);
            var by = http.User.Identity?.Name ?? "admin-page";
            var saved = false;
            switch (form["action"].ToString())
            {
                case "reset":
                    await store.ResetAsync(kind, c, ct);
                    await audit.RecordAsync("notification.template.reset", $"{kind}/{c}", by, "恢复默认模板", ct);
                    return Results.Redirect(EditorPath(kind, c));
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
                        saved = true;
                    }
                    break;
            }
            return Editor(kind, c, current, edit, TemplatePreview.Render(c, edit), saved);
        }).RequireAntiforgeryToken();
    }

    private static IResult Editor(string kind, string channel, MessageTemplate current, TemplateEdit edit, PreviewResult? preview, bool saved) =>
        new RazorComponentResult<TemplateEditorPage>(new Dictionary<string, object?>
        {
            [nameof(TemplateEditorPage.Kind)] = kind,
            [nameof(TemplateEditorPage.Channel)] = channel,
            [nameof(TemplateEditorPage.Current)] = current,
            [nameof(TemplateEditorPage.Edit)] = edit,
            [nameof(TemplateEditorPage.Preview)] = preview,
            [nameof(TemplateEditorPage.Saved)] = saved,
        });
}
