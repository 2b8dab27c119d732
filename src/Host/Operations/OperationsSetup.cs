namespace Workflows.Host.Operations;

/// <summary>What the people running the service need: the jobs dashboard, health checks, backups.</summary>
public static class OperationsSetup
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapJobsDashboard();
        return app;
    }
}
