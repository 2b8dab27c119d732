using System.Text.Json.Nodes;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// <c>/descriptors/*</c>: what the editor loads before it can draw. Every list answers 200, empty when this
/// service has nothing of the kind: a 404 on any of them is an unhandled error in Studio.
/// </summary>
internal static class DescriptorEndpoints
{
    public static RouteGroupBuilder MapDescriptorEndpoints(this RouteGroupBuilder elsa)
    {
        // Studio adds ?Refresh=True after every save; the registry is fixed at start, so it is ignored.
        elsa.MapGet("/descriptors/activities", (DescriptorCatalog catalog) =>
            Results.Bytes(catalog.ActivitiesJson, "application/json; charset=utf-8"));
        elsa.MapGet("/descriptors/activities/{typeName}", (string typeName, HttpRequest request, DescriptorCatalog catalog) =>
        {
            var query = new ElsaRequest(request);
            var version = query.Int("version", min: 1);
            if (!query.IsValid) return query.Invalid();
            return catalog.Find(typeName, version) is { } descriptor
                ? ElsaShapes.Ok(descriptor)
                : ElsaErrors.NotFound("typeName", $"No activity type '{typeName}'{(version is null ? "" : $" version {version}")}.");
        });
        // Inputs marked uiSpecifications.Refresh ask for fresh options; this service's options are static.
        elsa.MapPost("/descriptors/activities/{typeName}/options/{propertyName}", (string typeName, string propertyName, HttpRequest request, DescriptorCatalog catalog) =>
        {
            var query = new ElsaRequest(request);
            var version = query.Int("version", min: 1);
            if (!query.IsValid) return query.Invalid();
            if (catalog.Find(typeName, version) is not { } descriptor)
                return ElsaErrors.NotFound("typeName", $"No activity type '{typeName}'.");
            if (descriptor.FindInput(propertyName) is not { } input)
                return ElsaErrors.NotFound("propertyName", $"Activity type '{typeName}' has no input '{propertyName}'.");
            return ElsaShapes.Ok(new { items = input.UiSpecifications ?? new JsonObject() });
        });
        elsa.MapGet("/descriptors/expression-descriptors", (DescriptorCatalog catalog) =>
            ElsaShapes.Ok(new ListResult<ExpressionDescriptorModel>(catalog.Expressions)));
        elsa.MapGet("/descriptors/variables", () => ElsaShapes.Ok(new ItemsResult<VariableTypeDescriptor>(DescriptorCatalog.VariableTypes)));
        elsa.MapGet("/descriptors/storage-drivers", () => ElsaShapes.Ok(new ItemsResult<StorageDriverDescriptor>(DescriptorCatalog.StorageDrivers)));
        elsa.MapGet("/descriptors/output-converters", () => ElsaShapes.Ok(new ItemsResult<object>([])));
        elsa.MapGet("/descriptors/workflow-activation-strategies", EmptyStrategies);
        elsa.MapGet("/descriptors/log-persistence-strategies", EmptyStrategies);
        elsa.MapGet("/descriptors/incident-strategies", EmptyStrategies);
        elsa.MapGet("/descriptors/commit-strategies/workflows", EmptyCommitStrategies);
        elsa.MapGet("/descriptors/commit-strategies/activities", EmptyCommitStrategies);
        return elsa;
    }

    private static IResult EmptyStrategies() => ElsaShapes.Ok(new ListResult<StrategyDescriptor>([]));

    private static IResult EmptyCommitStrategies() => ElsaShapes.Ok(new ListResult<CommitStrategyDescriptor>([]));
}
