using Microsoft.OpenApi;
using Workflows.Host.Security;
using Workflows.Host.Workspace.Accounts;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Cases;
using Workflows.Host.Workspace.Dashboard;
using Workflows.Host.Workspace.Demo;
using Workflows.Host.Workspace.Officers;
using Workflows.Host.Workspace.Tasks;
using Workflows.Host.Workspace.Users;

namespace Workflows.Host.Workspace;

/// <summary>
/// The foundation of the officers' workspace: sign-in (ASP.NET Core Identity), the caller's unit and reach,
/// the unit guard, the audit trail, the users and audit pages, and the service's OpenAPI document.
/// </summary>
public static class WorkspaceSetup
{
    public const string OpenApiDocument = "v1";

    /// <summary>true serves <c>/openapi/v1.json</c> to anyone; default true in Development only.</summary>
    public const string OpenApiAnonymousSetting = "OpenApi:AllowAnonymous";

    /// <summary>Register after the start-up tasks: the demo users need the migrated database.</summary>
    public static IServiceCollection AddWorkspace(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddAccounts(configuration);
        services.AddSingleton<UnitTreeJurisdiction>();
        services.AddSingleton<IJurisdiction>(sp => sp.GetRequiredService<UnitTreeJurisdiction>());
        services.AddScoped<ICurrentOfficer, CurrentOfficer>();
        services.AddScoped<UnitGuard>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<AuditQuery>();
        services.AddScoped<UserAdministration>();
        services.AddWorkspaceTasks();
        services.AddCasePages();
        services.AddDashboard();
        if (environment.IsDevelopment())
            services.AddHostedService<DemoUsers>();
        services.AddOpenApi(OpenApiDocument, o =>
        {
            // The service's own API only; the Elsa API is Elsa's, documented by Elsa.
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "物业管理工作流服务 API / Property-management workflow service API",
                    Version = OpenApiDocument,
                    Description = "案件、任务、备案、法定期限日历、审计。认证：登录 Cookie（同源）或 Authorization: ApiKey <key>。"
                                  + " / Cases, tasks, filings, the legal calendar, audit. Auth: the sign-in cookie (same origin) or Authorization: ApiKey <key>.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["ApiKey"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "Authorization",
                        Description = "机器客户端 / Machine clients: Authorization: ApiKey <key>",
                    },
                    ["Cookie"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = Security.SecuritySetup.CookieName,
                        Description = "登录后的页面（同源，修改类请求须同源）/ The signed-in pages (same origin; changes must come from the same origin)",
                    },
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapWorkspace(this WebApplication app)
    {
        app.MapAccountPages();
        app.MapUsersPage();
        app.MapUserApi();
        app.MapAuditPage();
        app.MapAuditApi();
        app.MapTaskPages();
        app.MapCasePages();
        app.MapDashboard();
        app.MapGroup("/api").RequireAuthorization(Policies.Officer).ProducesProblem(StatusCodes.Status401Unauthorized).MapMe();
        var openApi = app.MapOpenApi("/openapi/{documentName}.json");
        // The document maps the whole API surface: outside Development only for callers who are signed in (or
        // present an API key), unless OpenApi:AllowAnonymous opens it on purpose.
        if (app.Configuration.GetValue(OpenApiAnonymousSetting, app.Environment.IsDevelopment()))
            openApi.AllowAnonymous();
        else
            openApi.RequireAuthorization(Policies.SignedIn);
        return app;
    }
}
