using Workflows.Host.Studio;
using Workflows.Host.Workspace.Dashboard;
using Workflows.Host.Workspace.Officers;

namespace Workflows.Host.Workspace.Cases;

/// <summary>The officers' menu entries of the case pages and, for the supervising roles, the dashboard.</summary>
internal static class CaseMenu
{
    public static IEnumerable<(string Path, string Label, AdminMenu Menu)> Links(ICurrentOfficer officer, AdminLanguage language)
    {
        var text = CaseText.For(language);
        yield return (CaseListPage.Path, text.Cases, AdminMenu.None);
        if (officer.Roles.Any(DashboardEndpoints.Roles.Contains))
            yield return (DashboardEndpoints.Path, text.Dashboard, AdminMenu.None);
    }
}
