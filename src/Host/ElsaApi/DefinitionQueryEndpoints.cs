using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;

namespace Workflows.Host.ElsaApi;

/// <summary>Reading definitions: the paged list, one version, many versions, name checks, counts.</summary>
internal static class DefinitionQueryEndpoints
{
    public enum OrderBy
    {
        Name,
        Version,
        Created,
    }

    public static RouteGroupBuilder MapDefinitionQueryEndpoints(this RouteGroupBuilder elsa)
    {
        elsa.MapGet("/workflow-definitions", ListAsync);
        elsa.MapGet("/workflow-definitions/by-definition-id/{definitionId}", ByDefinitionIdAsync);
        elsa.MapGet("/workflow-definitions/{definitionId}", ByDefinitionIdAsync);
        elsa.MapGet("/workflow-definitions/by-id/{id}", async (string id, WorkflowsDbContext db, DefinitionPresenter presenter, CancellationToken ct) =>
        {
            var row = await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
            return row is null
                ? ElsaErrors.NotFound("id", $"No workflow definition version '{id}'.")
                : ElsaShapes.Ok(presenter.Present(EfDefinitionStore.ToModel(row)));
        });
        elsa.MapGet("/workflow-definitions/many-by-id", async (HttpRequest request, WorkflowsDbContext db, DefinitionPresenter presenter, CancellationToken ct) =>
        {
            var ids = new ElsaRequest(request).List("ids") ?? [];
            var rows = await db.Definitions.AsNoTracking().Where(d => ids.Contains(d.Id)).ToListAsync(ct);
            return ElsaShapes.Ok(new ListResult<System.Text.Json.Nodes.JsonObject>(
                rows.Select(r => presenter.Present(EfDefinitionStore.ToModel(r))).ToList()));
        });
        elsa.MapGet("/workflow-definitions/validation/is-name-unique", IsNameUniqueAsync);
        elsa.MapGet("/workflow-definitions/query/count", async (WorkflowsDbContext db, CancellationToken ct) =>
            ElsaShapes.Ok(new { count = (long)await db.Definitions.Select(d => d.DefinitionId).Distinct().CountAsync(ct) }));
        elsa.MapGet("/workflow-definitions/{definitionId}/versions", async (string definitionId, WorkflowsDbContext db, DefinitionPresenter presenter, CancellationToken ct) =>
        {
            var rows = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId)
                .OrderByDescending(d => d.Version).ToListAsync(ct);
            return rows.Count == 0
                ? ElsaErrors.NotFound("definitionId", $"No workflow definition '{definitionId}'.")
                : ElsaShapes.Ok(rows.Select(r => presenter.Present(EfDefinitionStore.ToModel(r))).ToList());
        });
        // Workflows used as activities do not exist here, so nothing ever consumes a definition.
        elsa.MapGet("/workflow-definitions/{definitionId}/consumers", (string definitionId) =>
            ElsaShapes.Ok(new { consumingWorkflowDefinitionIds = Array.Empty<string>() }));
        return elsa;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WorkflowsDbContext db, CancellationToken ct)
    {
        var query = new ElsaRequest(request);
        if (!VersionFilter.TryParse(query.Text("versionOptions"), VersionFilter.AllVersions, out var versions, out var versionError))
            query.AddError("versionOptions", versionError!);
        var page = query.Int("Page", min: 0);
        var pageSize = query.Int("PageSize", min: 1);
        var orderBy = query.Enum<OrderBy>("OrderBy") ?? OrderBy.Name;
        var direction = query.Enum<OrderDirection>("OrderDirection") ?? (orderBy == OrderBy.Name ? OrderDirection.Ascending : OrderDirection.Descending);
        var isSystem = query.Bool("IsSystem");
        var definitionIds = query.List("DefinitionIds");
        var ids = query.List("Ids");
        var materializer = query.Text("materializer");
        var labels = query.List("label");
        var searchTerm = query.Text("SearchTerm")?.Trim();
        if (!query.IsValid) return query.Invalid();

        var rows = versions.Apply(db.Definitions.AsNoTracking());
        // No definition here is a system workflow, and none has labels or another materializer than Json.
        if (isSystem == true || labels is { Count: > 0 } || (!string.IsNullOrEmpty(materializer) && materializer != "Json"))
            rows = rows.Where(_ => false);
        if (definitionIds is { Count: > 0 }) rows = rows.Where(d => definitionIds.Contains(d.DefinitionId));
        if (ids is { Count: > 0 }) rows = rows.Where(d => ids.Contains(d.Id));
        if (!string.IsNullOrEmpty(searchTerm))
        {
            var term = searchTerm.ToLower();
            rows = rows.Where(d => (d.Name != null && d.Name.ToLower().Contains(term))
                                   || (d.Description != null && d.Description.ToLower().Contains(term))
                                   || d.Id.Contains(searchTerm) || d.DefinitionId.Contains(searchTerm));
        }
        var total = await rows.LongCountAsync(ct);
        var ordered = (orderBy, direction) switch
        {
            (OrderBy.Version, OrderDirection.Ascending) => rows.OrderBy(d => d.Version),
            (OrderBy.Version, _) => rows.OrderByDescending(d => d.Version),
            (OrderBy.Created, OrderDirection.Ascending) => rows.OrderBy(d => d.CreatedAt),
            (OrderBy.Created, _) => rows.OrderByDescending(d => d.CreatedAt),
            (_, OrderDirection.Descending) => rows.OrderByDescending(d => d.Name),
            _ => rows.OrderBy(d => d.Name),
        };
        // A stable tie-break keeps pages from overlapping.
        var page1 = Paging.FromPage(page, pageSize).Apply(ordered.ThenBy(d => d.DefinitionId).ThenByDescending(d => d.Version));
        var items = (await page1.ToListAsync(ct)).Select(ElsaShapes.Summary).ToList();
        return ElsaShapes.Ok(new PagedResult<DefinitionSummary>(items, total, ElsaShapes.DefinitionListLinks));
    }

    /// <summary>One version picked by versionOptions (default Latest): the highest version that matches.</summary>
    private static async Task<IResult> ByDefinitionIdAsync(string definitionId, HttpRequest request, WorkflowsDbContext db,
        DefinitionPresenter presenter, CancellationToken ct)
    {
        if (!VersionFilter.TryParse(new ElsaRequest(request).Text("versionOptions"), VersionFilter.Latest, out var versions, out var error))
            return ElsaErrors.BadRequest("versionOptions", error!);
        var row = await versions.Apply(db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId))
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);
        return row is null
            ? ElsaErrors.NotFound("definitionId", $"Workflow definition '{definitionId}' has no version matching '{versions}'.")
            : ElsaShapes.Ok(presenter.Present(EfDefinitionStore.ToModel(row)));
    }

    /// <summary>Compared with the latest version of every other definition, as Studio's create and rename dialogs expect.</summary>
    private static async Task<IResult> IsNameUniqueAsync(HttpRequest request, WorkflowsDbContext db, CancellationToken ct)
    {
        var query = new ElsaRequest(request);
        var name = query.Text("name")?.Trim();
        if (string.IsNullOrEmpty(name)) return ElsaErrors.BadRequest("name", "Give the name to check.");
        var definitionId = query.Text("definitionId");
        var taken = await db.Definitions.AsNoTracking()
            .AnyAsync(d => d.IsLatest && d.Name == name && (string.IsNullOrEmpty(definitionId) || d.DefinitionId != definitionId), ct);
        return ElsaShapes.Ok(new { isUnique = !taken });
    }
}
