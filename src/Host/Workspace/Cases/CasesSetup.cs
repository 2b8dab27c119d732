using Workflows.Host.Persistence;

namespace Workflows.Host.Workspace.Cases;

/// <summary>The case pages (<c>/cases</c>, <c>/cases/new</c>, <c>/cases/{id}</c>) and the audit of what runs do to cases and filings.</summary>
internal static class CasesSetup
{
    public static IServiceCollection AddCasePages(this IServiceCollection services)
    {
        services.AddScoped<CaseTimeline>();
        services.AddScoped<CaseListQuery>();
        services.AddSingleton<IBurstWriter, CaseAuditWriter>();
        return services;
    }

    public static IEndpointRouteBuilder MapCasePages(this IEndpointRouteBuilder app)
    {
        // /cases/new before /cases/{caseId}: literal segments win anyway, the order only reads better.
        app.MapCaseListPage();
        app.MapStartCasePage();
        app.MapCasePage();
        return app;
    }
}
