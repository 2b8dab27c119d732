using Workflows.Host.Security;

namespace Workflows.Host.ElsaApi;

public static class ElsaApiSetup
{
    public const string BasePath = "/elsa/api";

    /// <summary>The Elsa 3 REST API under <c>/elsa/api</c>, for Elsa Studio and machine clients.</summary>
    public static RouteGroupBuilder MapElsaApi(this IEndpointRouteBuilder app)
    {
        var elsa = app.MapGroup(BasePath).RequireAuthorization(SecuritySetup.ElsaApiPolicy);
        elsa.MapWorkflowDefinitionEndpoints();
        elsa.MapWorkflowInstanceEndpoints();
        return elsa;
    }
}
