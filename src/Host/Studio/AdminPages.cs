using Workflows.Host.Security;

namespace Workflows.Host.Studio;

/// <summary>The admin pages: one Studio element each, inside the Chinese/English frame.</summary>
internal static class AdminPages
{
    public static void MapAdminPages(this IEndpointRouteBuilder app)
    {
        // Only admins: the Studio edits the procedures every officer works by.
        var endpoints = app.MapGroup("").RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        // Also matches "/admin/": routing ignores a trailing slash.
        endpoints.MapGet("/admin", () => TypedResults.Redirect(StudioPaths.Definitions));

        endpoints.MapGet(StudioPaths.Definitions, (HttpContext context, IStudioCredentials credentials) =>
            Render(context, credentials, t => new AdminPage(t.Definitions, AdminMenu.Definitions, "elsa-workflow-definition-list")));

        endpoints.MapGet(StudioPaths.Definitions + "/{definitionId}", (string definitionId, HttpContext context, IStudioCredentials credentials) =>
            Render(context, credentials, t => new AdminPage(
                t.EditDefinition, AdminMenu.Definitions, "elsa-workflow-definition-editor", ("definition-id", definitionId))));

        endpoints.MapGet(StudioPaths.Instances, (HttpContext context, IStudioCredentials credentials) =>
            Render(context, credentials, t => new AdminPage(t.Instances, AdminMenu.Instances, "elsa-workflow-instance-list")));

        endpoints.MapGet(StudioPaths.Instances + "/{instanceId}", (string instanceId, HttpContext context, IStudioCredentials credentials) =>
            Render(context, credentials, t => new AdminPage(
                t.ViewInstance, AdminMenu.Instances, "elsa-workflow-instance-viewer", ("instance-id", instanceId))));

        // Where the editor's Run button sends the browser (a reload or a bookmark of that URL).
        endpoints.MapGet(StudioPaths.RunNavigationTarget, (string instanceId) => TypedResults.Redirect(StudioPaths.Instance(instanceId)));
    }

    private static IResult Render(HttpContext context, IStudioCredentials credentials, Func<AdminText, AdminPage> page)
    {
        var language = AdminLanguage.Resolve(context);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = Web.SecurityHeaders.StudioPolicy;
        return TypedResults.Content(AdminLayout.Render(page(language.Text), language, context, credentials), "text/html; charset=utf-8");
    }
}
