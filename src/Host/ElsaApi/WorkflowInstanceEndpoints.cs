using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;

namespace Workflows.Host.ElsaApi;

/// <summary>Elsa's workflow-instance routes.</summary>
internal static class WorkflowInstanceEndpoints
{
    public static RouteGroupBuilder MapWorkflowInstanceEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapGet("/workflow-instances/{id}", async (string id, WorkflowsDbContext db, CancellationToken ct) =>
        {
            var row = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
            return row is null ? Results.NotFound() : Results.Json(ElsaShapes.Instance(row));
        });
        return elsa;
    }
}
