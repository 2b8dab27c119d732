using System.Net;
using Workflows.Host.Workspace.Pages;

namespace Workflows.Host.Studio;

/// <summary>
/// The admin frame for server-rendered pages (no Studio element): the same header, menu and language switch as
/// <see cref="AdminLayout"/>, and plain HTML content. Pages outside <see cref="StudioPaths.Base"/>'s Blazor app.
/// </summary>
internal static class AdminFrame
{
    public const string DeliveriesPath = "/admin/notifications";
    public const string TemplatesPath = "/admin/templates";

    public static IResult Page(HttpContext context, AdminMenu menu, Func<AdminText, string> heading, Func<AdminLanguage, string> content)
    {
        var language = AdminLanguage.Resolve(context);
        var text = language.Text;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = Web.SecurityHeaders.InlinePagePolicy;
        var title = heading(text);
        var html = $$"""
            <!DOCTYPE html>
            <html lang="{{language.HtmlLang}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <title>{{E(title)}} - {{E(text.AppName)}}</title>
            <style>{{Css}}</style>
            </head>
            <body>
            {{PageFrame.Header(menu, language, context)}}
            <h1 class="admin-title">{{E(title)}}</h1>
            <main>{{content(language)}}</main>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    public static string E(string? value) => WebUtility.HtmlEncode(value ?? "");

    private const string Css = PageFrame.HeaderCss + """
        body { margin: 0; background: #f5f5f5; color: #222;
               font-family: Roboto, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 14px; }
        .admin-title { padding-bottom: 12px; }
        main { padding: 0 24px 24px; }
        form.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-bottom: 12px; }
        form.filters label { display: flex; flex-direction: column; font-size: 12px; color: #555; }
        input, select, textarea, button { font: inherit; }
        textarea { width: 100%; box-sizing: border-box; font-family: "Noto Sans Mono CJK SC", monospace; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border-bottom: 1px solid #e0e0e0; padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: #eef2f7; font-weight: 500; }
        .status-Sent { color: #2e7d32; } .status-Failed { color: #c62828; } .status-Pending, .status-Sending { color: #ef6c00; }
        .errors { color: #c62828; } .note { color: #666; } .ok { color: #2e7d32; }
        .preview { background: #fff; border: 1px solid #ddd; padding: 12px; white-space: pre-wrap; }
        .cols { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
        """;
}
