using System.Net;
using Workflows.Host.Workspace.Pages;

namespace Workflows.Host.Studio;

internal enum AdminMenu
{
    None,
    Definitions,
    Instances,
    Users,
    Audit,
    Deliveries,
    Templates,
}

/// <summary>One admin page: a heading, the highlighted menu entry and one Studio element (tag plus attributes).</summary>
internal sealed record AdminPage(string Heading, AdminMenu Menu, string ElementTag, params (string Name, string Value)[] Attributes);

/// <summary>
/// The server-rendered HTML frame around a Studio element: menu, title, language switch, the
/// Studio's stylesheets and scripts (the same set as the package's index.html, minus the Google
/// Fonts links: Roboto comes from node_modules) and the page script.
/// </summary>
internal static class AdminLayout
{
    public static string Render(AdminPage page, AdminLanguage language, HttpContext context, IStudioCredentials credentials)
    {
        var text = language.Text;
        var apiUrl = StudioPaths.ElsaApiUrl(context.Request);
        var apiKey = credentials.ApiKey(context);
        // Every element gets the backend attributes, not only the provider: the backend settings are a
        // page-wide singleton, and this way no element's first call can run before they are set.
        var backend = apiKey is null
            ? $" remote-endpoint=\"{Encode(apiUrl)}\""
            : $" remote-endpoint=\"{Encode(apiUrl)}\" api-key=\"{Encode(apiKey)}\"";
        var attributes = string.Concat(page.Attributes.Select(a => $" {a.Name}=\"{Encode(a.Value)}\""));

        return $$"""
            <!DOCTYPE html>
            <html lang="{{language.HtmlLang}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1.0">
            <title>{{Encode(page.Heading)}} - {{Encode(text.AppName)}}</title>
            <base href="{{StudioPaths.Base}}">
            <link rel="icon" type="image/png" sizes="32x32" href="_content/Elsa.Studio.Shell/favicon-32x32.png">
            <link href="fonts/roboto/300.css" rel="stylesheet">
            <link href="fonts/roboto/400.css" rel="stylesheet">
            <link href="fonts/roboto/500.css" rel="stylesheet">
            <link href="fonts/roboto/700.css" rel="stylesheet">
            <link href="_content/MudBlazor/MudBlazor.min.css" rel="stylesheet">
            <link href="_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.css" rel="stylesheet">
            <link href="_content/Radzen.Blazor/css/material-base.css" rel="stylesheet">
            <link href="_content/Elsa.Studio.Shell/css/shell.css" rel="stylesheet">
            <link href="Elsa.Studio.Host.CustomElements.styles.css" rel="stylesheet">
            <style>{{Css}}</style>
            <script>
            // Elsa.Studio.Localization.BlazorWasm (UseElsaLocalization) reads this key once at start and
            // sets the app's culture from it; it must be written before blazor.webassembly.js runs.
            localStorage.setItem('BlazorCulture', '{{language.StudioCulture}}');
            </script>
            </head>
            <body>
            {{PageFrame.Header(page.Menu, language, context)}}
            <h1 class="admin-title">{{Encode(page.Heading)}}</h1>
            <main>
              <p class="admin-loading">{{Encode(text.Loading)}}</p>
              <elsa-backend-provider{{backend}}></elsa-backend-provider>
              <{{page.ElementTag}}{{backend}}{{attributes}}></{{page.ElementTag}}>
            </main>
            <div id="blazor-error-ui">{{Encode(text.UnhandledError)}} <a href="" class="reload">{{Encode(text.Reload)}}</a> <a class="dismiss">✕</a></div>
            <script src="_content/BlazorMonaco/jsInterop.js"></script>
            <script src="_content/BlazorMonaco/lib/monaco-editor/min/vs/loader.js"></script>
            <script src="_content/BlazorMonaco/lib/monaco-editor/min/vs/editor/editor.main.js"></script>
            <script src="_content/MudBlazor/MudBlazor.min.js"></script>
            <script src="_content/CodeBeam.MudBlazor.Extensions/MudExtensions.min.js"></script>
            <script src="_content/Radzen.Blazor/Radzen.Blazor.js"></script>
            <script src="_framework/blazor.webassembly.js"></script>
            <script>{{Script}}</script>
            </body>
            </html>
            """;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private const string Css = PageFrame.HeaderCss + """
        html, body { margin: 0; height: 100%; }
        body { display: flex; flex-direction: column; background: #f5f5f5;
               font-family: Roboto, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        main { flex: 1; min-height: 0; overflow: auto; }
        main > elsa-workflow-definition-editor, main > elsa-workflow-instance-viewer { display: block; height: 100%; }
        .admin-loading { padding: 0 24px; color: #666; }
        body.studio-ready .admin-loading { display: none; }
        #blazor-error-ui { display: none; position: fixed; left: 0; right: 0; bottom: 0; z-index: 2000;
                           padding: 8px 24px; background: #fff3cd; box-shadow: 0 -1px 3px rgba(0,0,0,.2); }
        #blazor-error-ui .dismiss { float: right; cursor: pointer; }
        """;

    private static readonly string Script = $$"""
        (() => {
          const open = url => location.assign(url);
          // Callbacks set from JS are ignored until the element is defined (upgraded).
          const bind = (tag, property, toUrl) => customElements.whenDefined(tag).then(() => {
            for (const element of document.querySelectorAll(tag)) element[property] = id => open(toUrl(id));
          });
          bind('elsa-workflow-definition-list', 'editWorkflowDefinition', id => '{{StudioPaths.Definitions}}/' + encodeURIComponent(id));
          bind('elsa-workflow-instance-list', 'viewWorkflowInstance', id => '{{StudioPaths.Instances}}/' + encodeURIComponent(id));
          bind('elsa-workflow-instance-viewer', 'editWorkflowDefinition', id => '{{StudioPaths.Definitions}}/' + encodeURIComponent(id));
          customElements.whenDefined('elsa-backend-provider').then(() => document.body.classList.add('studio-ready'));
          // The editor's Run button only pushState-navigates to <base>workflows/instances/{id}/view
          // (its executed callback cannot be set from JS): turn that into opening the instance page.
          const pushState = history.pushState.bind(history);
          history.pushState = (state, unused, url) => {
            pushState(state, unused, url);
            const match = url && new URL(url, document.baseURI).pathname.match(/^{{StudioPaths.Base.Replace("/", "\\/", StringComparison.Ordinal)}}workflows\/instances\/([^/]+)\/view$/);
            if (match) location.replace('{{StudioPaths.Instances}}/' + match[1]);
          };
        })();
        """;
}
