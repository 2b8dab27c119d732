using Workflows.Host.Security;

namespace Workflows.Host.ElsaApi;

/// <summary>Configuration section <c>Cors</c>: browser origins allowed to call the Elsa API (Studio hosted elsewhere).</summary>
public sealed class ElsaCorsOptions
{
    public const string Section = "Cors";

    /// <summary>Origins such as <c>https://studio.example.gov.cn</c>. Empty (default): no cross-origin access.</summary>
    public List<string> Origins { get; set; } = [];
}

public static class ElsaApiSetup
{
    public const string BasePath = "/elsa/api";
    public const string CorsPolicy = "ElsaStudio";

    /// <summary>The Elsa API's services, and a CORS policy when <c>Cors:Origins</c> lists any origin.</summary>
    public static IServiceCollection AddElsaApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<DescriptorCatalog>();
        services.AddSingleton<DefinitionPresenter>();
        services.AddSingleton<DefinitionLocks>();
        services.AddScoped<DefinitionDeletion>();
        services.AddScoped<DefinitionAudit>();
        var origins = configuration.GetSection(ElsaCorsOptions.Section).Get<ElsaCorsOptions>()?.Origins
            .Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.Trim().TrimEnd('/')).ToArray() ?? [];
        services.AddCors(cors =>
        {
            if (origins.Length == 0) return;
            // Every Studio call carries Authorization, so every call is preflighted. Without the exposed headers
            // the editor's Run button silently does nothing, and exports lose their file names.
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(origins)
                .WithMethods("GET", "POST", "PUT", "DELETE", "OPTIONS")
                .WithHeaders("Authorization", "Content-Type", "X-Tenant-Id")
                .WithExposedHeaders(DefinitionExecuteEndpoints.InstanceIdHeader, DefinitionExecuteEndpoints.CannotStartHeader, "content-disposition"));
        });
        services.AddSingleton(new ElsaCorsOptions { Origins = [.. origins] });
        return services;
    }

    /// <summary>The Elsa 3 REST API under <c>/elsa/api</c>, for Elsa Studio and machine clients.</summary>
    public static RouteGroupBuilder MapElsaApi(this IEndpointRouteBuilder app)
    {
        var elsa = app.MapGroup(BasePath).RequireAuthorization(Policies.ElsaApi).ExcludeFromDescription();
        if (app.ServiceProvider.GetService<ElsaCorsOptions>() is { Origins.Count: > 0 })
            elsa.RequireCors(CorsPolicy);
        elsa.MapDefinitionQueryEndpoints();
        elsa.MapDefinitionCommandEndpoints();
        elsa.MapDefinitionExecuteEndpoints();
        elsa.MapDefinitionBulkEndpoints();
        elsa.MapDefinitionTransferEndpoints();
        elsa.MapDescriptorEndpoints();
        elsa.MapInstanceListEndpoints();
        elsa.MapInstanceEndpoints();
        elsa.MapJournalEndpoints();
        elsa.MapActivityExecutionEndpoints();
        elsa.MapActivityTestEndpoints();
        elsa.MapMiscEndpoints();
        return elsa;
    }
}
