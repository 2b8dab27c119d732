using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Workspace.Officers;

namespace Workflows.Host.Workspace.Pages;

/// <summary>
/// The frame of the officers' pages not yet moved to Razor components (inbox, task, cases, dashboard): the same menu
/// (<see cref="Web.SiteMenu"/>) and words (<see cref="Web.SiteText"/>) as <c>SitePage</c>. Goes when they move.
/// </summary>
internal static class PageFrame
{
    public const string Home = "/";
    public const string ChangePassword = "/account/password";

    public static string Header(AdminLanguage language, HttpContext context)
    {
        var officer = context.RequestServices.GetRequiredService<ICurrentOfficer>();
        var words = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Web.SiteText>>();
        var entries = Web.SiteMenu.For(officer);
        var active = Web.SiteMenu.Active(entries, context.Request.Path);
        var nav = string.Concat(entries.Select(l =>
            $"<a href=\"{l.Href}\"{(l == active ? " class=\"active\"" : "")}>{Html.E(words[l.TextKey])}</a>"));
        var switchUrl = $"{context.Request.Path.ToUriComponent()}{LanguageQuery(context, Web.SiteCultures.OtherCode)}";
        var who = officer.IsSignedIn
            ? $"""
              <span class="admin-user">{Html.E(officer.DisplayName)}{(officer.Unit is { } unit ? " · " + Html.E(unit.Name) : "")}</span>
              <a class="admin-link" href="{ChangePassword}">{Html.E(words["ChangePassword"])}</a>
              <form class="admin-signout" method="post" action="{SecuritySetup.LogoutPath}">{Html.AntiforgeryField(context)}<button type="submit">{Html.E(words["SignOut"])}</button></form>
              """
            : "";
        return $"""
            <header class="admin-header">
              <span class="admin-app">{Html.E(words["AppName"])}</span>
              <nav>{nav}</nav>
              <span class="admin-right">{who}<a class="admin-lang" href="{Html.E(switchUrl)}">{Html.E(words["OtherLanguageName"])}</a></span>
            </header>
            """;
    }

    public const string HeaderCss = """
        .admin-header { display: flex; align-items: center; gap: 32px; height: 52px; padding: 0 24px;
                        background: #1f3a5f; color: #fff; flex: none; }
        .admin-app { font-size: 18px; font-weight: 500; }
        .admin-header nav { display: flex; gap: 24px; height: 100%; }
        .admin-header nav a { display: flex; align-items: center; color: #c9d5e3; text-decoration: none;
                              border-bottom: 3px solid transparent; }
        .admin-header nav a.active { color: #fff; border-bottom-color: #fff; }
        .admin-right { margin-left: auto; display: flex; align-items: center; gap: 16px; }
        .admin-user { color: #fff; }
        .admin-link, .admin-lang { color: #c9d5e3; text-decoration: none; }
        .admin-signout { margin: 0; }
        .admin-signout button { background: none; border: 1px solid #c9d5e3; border-radius: 4px; color: #c9d5e3;
                                padding: 2px 10px; cursor: pointer; font: inherit; }
        .admin-title { margin: 0; padding: 12px 24px 0; font-size: 20px; font-weight: 500; color: #1f3a5f; flex: none; }
        """;

    /// <summary>A whole page (not a Studio page): header, heading and the body.</summary>
    public static string Render(string heading, AdminLanguage language, HttpContext context, string body)
    {
        var title = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Web.SiteText>>()["AppName"];
        return $$"""
            <!DOCTYPE html>
            <html lang="{{language.HtmlLang}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <title>{{Html.E(heading)}} - {{Html.E(title)}}</title>
            <link rel="icon" href="{{StudioIcon}}">
            <style>{{Css}}</style>
            </head>
            <body>
            {{Header(language, context)}}
            <h1 class="admin-title">{{Html.E(heading)}}</h1>
            <main class="page">{{body}}</main>
            </body>
            </html>
            """;
    }

    /// <summary>The Studio's icon (served with its files): without one the browser asks for /favicon.ico and logs a 404.</summary>
    private const string StudioIcon = StudioPaths.Base + "_content/Elsa.Studio.Shell/favicon-32x32.png";

    /// <summary>The current query with <c>lang</c> replaced (keeps filters, and <c>returnUrl</c> on the sign-in page).</summary>
    private static string LanguageQuery(HttpContext context, string code)
    {
        var pairs = context.Request.Query.Where(q => q.Key != "lang")
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"lang={code}");
        return "?" + string.Join("&", pairs);
    }

    private const string Css = HeaderCss + """
        html, body { margin: 0; }
        body { background: #f5f5f5; color: #222;
               font-family: Roboto, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        main.page { padding: 16px 24px; }
        body.bare { display: flex; justify-content: center; align-items: flex-start; padding-top: 10vh; }
        .card { background: #fff; padding: 24px 32px; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.15); min-width: 340px; }
        .card h1 { font-size: 20px; font-weight: 500; color: #1f3a5f; }
        .product { color: #666; margin: 0; }
        .lang { text-align: right; margin-bottom: 0; }
        label { display: block; margin: 12px 0 4px; }
        input[type=text], input[type=password], input[type=date], select { padding: 6px 8px; border: 1px solid #bbb; border-radius: 4px; font: inherit; min-width: 240px; }
        button.primary { margin-top: 16px; padding: 6px 20px; background: #1f3a5f; color: #fff; border: none; border-radius: 4px; font: inherit; cursor: pointer; }
        button.small { padding: 2px 10px; font: inherit; cursor: pointer; }
        .message { padding: 8px 12px; border-radius: 4px; background: #e8f3e8; color: #1b5e20; }
        .error, .field-error { color: #b00020; }
        .error { padding: 8px 12px; border-radius: 4px; background: #fdecea; }
        .field-error { margin: 4px 0 0; font-size: 14px; }
        table { border-collapse: collapse; background: #fff; width: 100%; margin-top: 12px; }
        th, td { border-bottom: 1px solid #e0e0e0; padding: 6px 8px; text-align: left; vertical-align: top; font-size: 14px; }
        th { background: #eef2f7; font-weight: 500; }
        td form { display: inline-flex; gap: 4px; margin: 0 4px 4px 0; }
        td input[type=password] { min-width: 140px; }
        .filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; }
        .filters label { margin: 0 0 4px; }
        .filters input, .filters select { min-width: 140px; }
        .panel { background: #fff; padding: 12px 16px; border-radius: 6px; margin-bottom: 16px; }
        .panel h2 { font-size: 16px; font-weight: 500; margin: 0 0 8px; }
        .inline { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-end; }
        .inline label { margin: 0 0 4px; }
        .pager { margin-top: 12px; display: flex; gap: 16px; align-items: center; }
        pre { margin: 0; white-space: pre-wrap; word-break: break-all; font-size: 12px; min-width: 160px; max-width: 420px; }
        .nowrap { white-space: nowrap; }
        .muted { color: #777; }
        """;
}
