using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Security;
using Workflows.Host.Web;

namespace Workflows.Host.Studio;

/// <summary>The admin pages that host the Studio: one Studio element each, inside the site's layout (<see cref="StudioPage"/>).</summary>
internal static class AdminPages
{
    public static void MapAdminPages(this IEndpointRouteBuilder app)
    {
        // Only admins: the Studio edits the procedures every officer works by.
        var endpoints = app.MapGroup("").RequireAuthorization(Policies.Admin).ExcludeFromDescription();
        // Also matches "/admin/": routing ignores a trailing slash.
        endpoints.MapGet("/admin", () => TypedResults.Redirect(StudioPaths.Definitions));

        endpoints.MapGet(StudioPaths.Definitions, (HttpContext context, IStudioCredentials credentials) =>
            Render(context, credentials, "Menu.Definitions", "elsa-workflow-definition-list"));

        endpoints.MapGet(StudioPaths.Definitions + "/{definitionId}", (string definitionId, HttpContext context, IStudioCredentials credentials) =>
            Render(context, credentials, "Studio.EditDefinition", "elsa-workflow-definition-editor", ("definition-id", definitionId)));

        endpoints.MapGet(StudioPaths.Instances, (HttpContext context, IStudioCredentials credentials) =>
            Render(context, credentials, "Menu.Instances", "elsa-workflow-instance-list"));

        endpoints.MapGet(StudioPaths.Instances + "/{instanceId}", (string instanceId, HttpContext context, IStudioCredentials credentials) =>
            Render(context, credentials, "Studio.ViewInstance", "elsa-workflow-instance-viewer", ("instance-id", instanceId)));

        // Where the editor's Run button sends the browser (a reload or a bookmark of that URL).
        endpoints.MapGet(StudioPaths.RunNavigationTarget, (string instanceId) => TypedResults.Redirect(StudioPaths.Instance(instanceId)));
    }

    private static StudioFrameResult Render(HttpContext context, IStudioCredentials credentials, string titleKey, string tag,
        params (string Name, string Value)[] attributes)
    {
        var backend = new Dictionary<string, string> { ["remote-endpoint"] = StudioPaths.ElsaApiUrl(context.Request) };
        if (credentials.ApiKey(context) is { } apiKey)
            backend["api-key"] = apiKey;
        var title = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SiteText>>()[titleKey].Value;
        return new StudioFrameResult(new RazorComponentResult<StudioPage>(new Dictionary<string, object?>
        {
            [nameof(StudioPage.Title)] = title,
            [nameof(StudioPage.Tag)] = tag,
            [nameof(StudioPage.Attributes)] = attributes.ToDictionary(a => a.Name, a => a.Value),
            [nameof(StudioPage.Backend)] = backend,
        }));
    }

    /// <summary>The Studio runs Blazor WebAssembly, MudBlazor and Monaco: its frame gets <see cref="SecurityHeaders.StudioPolicy"/>.</summary>
    private sealed class StudioFrameResult(IResult page) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.OnStarting(() =>
            {
                httpContext.Response.Headers.ContentSecurityPolicy = SecurityHeaders.StudioPolicy;
                return Task.CompletedTask;
            });
            return page.ExecuteAsync(httpContext);
        }
    }
}
