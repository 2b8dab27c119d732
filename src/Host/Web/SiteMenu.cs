using Workflows.Host.Studio;
using Workflows.Host.Workspace.Cases;
using Workflows.Host.Workspace.Dashboard;
using Workflows.Host.Workspace.Officers;
using Workflows.Host.Workspace.Tasks;

namespace Workflows.Host.Web;

/// <summary>One menu entry: where it goes and the <see cref="SiteText"/> key of its label.</summary>
public sealed record MenuEntry(string Href, string TextKey);

/// <summary>The layout's menu by role: admins get the administration pages, officers their workspace.</summary>
internal static class SiteMenu
{
    public const string Home = "/";
    public const string ChangePassword = "/account/password";
    public const string Users = "/admin/users";
    public const string Audit = "/admin/audit";
    public const string Deliveries = "/admin/notifications";
    public const string Templates = "/admin/templates";
    public const string Jobs = "/admin/jobs";
    public const string District = "/admin/district";
    public const string Holidays = "/admin/holidays";

    public static IReadOnlyList<MenuEntry> For(ICurrentOfficer officer)
    {
        List<MenuEntry> entries = officer.IsAdmin
            ?
            [
                new(StudioPaths.Definitions, "Menu.Definitions"),
                new(StudioPaths.Instances, "Menu.Instances"),
                new(Deliveries, "Menu.Deliveries"),
                new(Templates, "Menu.Templates"),
                new(Users, "Menu.Users"),
                new(Audit, "Menu.Audit"),
                new(Jobs, "Menu.Jobs"),
                new(District, "Menu.District"),
                new(Holidays, "Menu.Holidays"),
            ]
            :
            [
                new(Home, "Menu.Home"),
                new(TaskPaths.Inbox, "Menu.Inbox"),
            ];
        entries.Add(new(CaseListPage.Path, "Menu.Cases"));
        if (officer.Roles.Any(DashboardEndpoints.Roles.Contains))
            entries.Add(new(DashboardEndpoints.Path, "Menu.Dashboard"));
        return entries;
    }

    /// <summary>The entry of the page at <paramref name="path"/>: the longest prefix (so <c>/tasks/…</c> marks the inbox).</summary>
    public static MenuEntry? Active(IReadOnlyList<MenuEntry> entries, PathString path) =>
        entries.Where(e => e.Href == Home ? path.Value is "/" or "" : path.StartsWithSegments(e.Href, StringComparison.OrdinalIgnoreCase))
            .MaxBy(e => e.Href.Length);

    /// <summary>The current URL with <c>lang</c> replaced: the language switch keeps filters and <c>returnUrl</c>.</summary>
    public static string LanguageSwitchUrl(HttpRequest request, string code)
    {
        var pairs = request.Query.Where(q => q.Key != SiteCultures.QueryKey)
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}")
            .Append($"{SiteCultures.QueryKey}={code}");
        return request.PathBase.Add(request.Path).ToUriComponent() + "?" + string.Join("&", pairs);
    }
}
