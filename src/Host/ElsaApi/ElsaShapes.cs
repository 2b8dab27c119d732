using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Persistence;
using Workflows.Runtime.Definitions;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// The envelopes and links of Elsa's API. Serialized with <see cref="Json"/>: camelCase, string enums, nulls
/// omitted (Studio crashes on an explicit null in some fields), dictionary keys as stored.
/// </summary>
internal static class ElsaShapes
{
    public static readonly JsonSerializerOptions Json = CreateOptions();

    public static IResult Ok<T>(T body) => Results.Json(body, Json);

    /// <summary>HATEOAS links of one definition. Without <c>publish</c> Studio opens it read-only.</summary>
    public static IReadOnlyList<Link> DefinitionLinks(string definitionId) =>
    [
        new($"/workflow-definitions/by-definition-id/{definitionId}", "self", "GET"),
        new($"/workflow-definitions/{definitionId}/versions", "versions", "GET"),
        new($"/workflow-definitions/{definitionId}/execute", "execute", "POST"),
        new($"/workflow-definitions/{definitionId}/dispatch", "dispatch", "POST"),
        new($"/workflow-definitions/{definitionId}/export", "export", "POST"),
        new($"/workflow-definitions/{definitionId}/publish", "publish", "POST"),
        new($"/workflow-definitions/{definitionId}/retract", "retract", "POST"),
        new($"/workflow-definitions/{definitionId}", "delete", "DELETE"),
        new($"/workflow-definitions/{definitionId}/import", "import", "PUT"),
    ];

    /// <summary>Links of the definition list. Without <c>bulk-publish</c> Studio disables create, import and bulk actions.</summary>
    public static readonly IReadOnlyList<Link> DefinitionListLinks =
    [
        new("/workflow-definitions", "self", "GET"),
        new("/workflow-definitions/validation/is-name-unique", "is-name-unique", "GET"),
        new("/workflow-definitions/query/count", "count", "GET"),
        new("/workflow-definitions/many-by-id", "many-by-id", "GET"),
        new("/bulk-actions/delete/workflow-definitions/by-definition-id", "bulk-delete-by-definition-id", "POST"),
        new("/bulk-actions/delete/workflow-definitions/by-id", "bulk-delete-by-id", "POST"),
        new("/bulk-actions/publish/workflow-definitions/by-definition-ids", "bulk-publish", "POST"),
        new("/bulk-actions/retract/workflow-definitions/by-definition-ids", "bulk-retract", "POST"),
        new("/workflow-definitions/import", "import", "POST"),
        new("/workflow-definitions/import-files", "import-files", "POST"),
        new("/workflow-definitions", "create", "POST"),
    ];

    public static DefinitionSummary Summary(DefinitionRecord row) => new(
        row.Id, row.DefinitionId, row.Name ?? row.DefinitionId, row.Description, row.Version,
        row.IsLatest, row.IsPublished, row.CreatedAt, DefinitionLinks(row.DefinitionId));

    /// <summary>Summary of a definition that is not (or no longer) a stored row, e.g. the answer of a revert.</summary>
    public static DefinitionSummary Summary(WorkflowDefinition definition) => new(
        definition.Id, definition.DefinitionId, definition.Name ?? definition.DefinitionId, definition.Description,
        definition.Version, definition.IsLatest, definition.IsPublished, definition.CreatedAt ?? DateTimeOffset.UnixEpoch,
        DefinitionLinks(definition.DefinitionId));

    /// <summary>
    /// The definition conventions, but without escaping '+' and other HTML-sensitive characters: these bodies are
    /// JSON for API clients, never embedded in a page, and dates then read as "…+00:00" rather than "…\u002B00:00".
    /// </summary>
    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(DefinitionJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static JsonObject WithoutNulls(JsonObject json)
    {
        foreach (var key in json.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList())
            json.Remove(key);
        return json;
    }
}

internal sealed record Link(string Href, string Rel, string Method);

/// <summary>Elsa's ListResponse: <c>{items, count}</c>.</summary>
internal sealed record ListResult<T>(IReadOnlyList<T> Items)
{
    public int Count => Items.Count;
}

/// <summary>Elsa's PagedListResponse: <c>{items, totalCount, links?}</c>.</summary>
internal sealed record PagedResult<T>(IReadOnlyList<T> Items, long TotalCount, IReadOnlyList<Link>? Links = null);

/// <summary>Elsa's WorkflowDefinitionSummary with its links.</summary>
internal sealed record DefinitionSummary(
    string Id,
    string DefinitionId,
    string Name,
    string? Description,
    int Version,
    bool IsLatest,
    bool IsPublished,
    DateTimeOffset CreatedAt,
    IReadOnlyList<Link> Links)
{
    public bool IsReadonly => false;
    public bool IsSystem => false;
    public string MaterializerName => "Json";
    public bool IsMaterializerAvailable => true;
}
