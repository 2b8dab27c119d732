using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;
using Workflows.Runtime.Validation;

namespace Workflows.Runtime.Definitions;

/// <summary>
/// Elsa's versioning: saving creates or updates the draft; publishing makes a version the one new instances
/// use; retracting unpublishes; running instances keep the version they started on.
/// </summary>
public sealed class DefinitionService(IWorkflowDefinitionStore store, DefinitionValidator validator, WorkflowGraphCache graphs, TimeProvider clock)
{
    /// <summary>Server-controlled or response-only members that a client's model must not set.</summary>
    private static readonly string[] IgnoredExtraMembers = ["links", "isReadonly", "isSystem"];

    public async Task<SaveResult> SaveAsync(WorkflowDefinition model, bool publish, CancellationToken ct = default)
    {
        Throw(validator.ValidateStructure(model));
        Throw(validator.ValidateActivityInputs(model));
        if (publish) Throw(validator.ValidateForPublish(model));
        ActivityJson.AssignNodeIds(model.Root!);

        var now = clock.GetUtcNow();
        var versions = string.IsNullOrWhiteSpace(model.DefinitionId)
            ? []
            : (await store.GetVersionsAsync(model.DefinitionId, ct)).ToList();
        var changed = new List<WorkflowDefinition>();
        var latest = versions.FirstOrDefault(v => v.IsLatest) ?? versions.MaxBy(v => v.Version);
        WorkflowDefinition target;
        if (latest is null)
        {
            target = NewVersion(model, string.IsNullOrWhiteSpace(model.DefinitionId) ? Ids.New() : model.DefinitionId, 1, now);
        }
        else if (!latest.IsPublished)
        {
            target = latest;
            CopyContent(model, target);
        }
        else
        {
            latest.IsLatest = false;
            changed.Add(latest);
            target = NewVersion(model, latest.DefinitionId, versions.Max(v => v.Version) + 1, now);
        }
        target.IsLatest = true;
        changed.Add(target);
        var alreadyPublished = false;
        if (publish)
            alreadyPublished = MarkPublished(target, versions, changed);
        await WriteAsync(changed.Distinct().ToList(), ct);
        return new SaveResult(target, alreadyPublished);
    }

    public async Task<SaveResult?> PublishAsync(string definitionId, CancellationToken ct = default)
    {
        var versions = await store.GetVersionsAsync(definitionId, ct);
        var latest = VersionSelector.Latest.Pick(versions);
        if (latest is null) return null;
        if (latest.IsPublished) return new SaveResult(latest, AlreadyPublished: true);
        Throw(validator.ValidateForPublish(latest));
        var changed = new List<WorkflowDefinition> { latest };
        MarkPublished(latest, versions, changed);
        await WriteAsync(changed.Distinct().ToList(), ct);
        return new SaveResult(latest, AlreadyPublished: false);
    }

    /// <summary>Unpublishes; returns null when the definition does not exist, throws when nothing is published.</summary>
    public async Task<WorkflowDefinition?> RetractAsync(string definitionId, CancellationToken ct = default)
    {
        var versions = await store.GetVersionsAsync(definitionId, ct);
        if (versions.Count == 0) return null;
        var published = versions.FirstOrDefault(v => v.IsPublished)
                        ?? throw DefinitionValidationException.Single(null, "isPublished", $"Definition '{definitionId}' has no published version to retract.");
        published.IsPublished = false;
        await WriteAsync([published], ct);
        return published;
    }

    /// <summary>Deletes every version; returns false when the definition does not exist.</summary>
    public async Task<bool> DeleteAsync(string definitionId, CancellationToken ct = default)
    {
        var deleted = await store.DeleteDefinitionAsync(definitionId, ct);
        graphs.ForgetDefinition(definitionId);
        return deleted;
    }

    /// <summary>
    /// Deletes one version and, as Elsa does, makes the highest remaining version the latest so the definition
    /// stays editable. Returns the deleted version, or null when it does not exist.
    /// </summary>
    public async Task<WorkflowDefinition?> DeleteVersionAsync(string versionId, CancellationToken ct = default)
    {
        var version = await store.FindByVersionIdAsync(versionId, ct);
        if (version is null || !await store.DeleteVersionAsync(versionId, ct)) return null;
        graphs.ForgetDefinition(version.DefinitionId);
        var remaining = await store.GetVersionsAsync(version.DefinitionId, ct);
        if (remaining.Count > 0 && !remaining.Any(v => v.IsLatest))
        {
            var last = remaining.MaxBy(v => v.Version)!;
            last.IsLatest = true;
            await WriteAsync([last], ct);
        }
        return version;
    }

    /// <summary>Makes an old version's content the new latest draft, as Elsa's revert does.</summary>
    public async Task<WorkflowDefinition?> RevertAsync(string definitionId, int version, CancellationToken ct = default)
    {
        var versions = await store.GetVersionsAsync(definitionId, ct);
        var source = versions.FirstOrDefault(v => v.Version == version);
        if (source is null) return null;
        var copy = source.Clone();
        copy.DefinitionId = definitionId;
        return (await SaveAsync(copy, publish: false, ct)).Definition;
    }

    /// <summary>
    /// Imports a definition file: a changed file becomes a new published version, an unchanged one does nothing.
    /// Returns whether a version was written.
    /// </summary>
    public async Task<bool> ImportAsync(WorkflowDefinition file, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(file.DefinitionId))
            throw DefinitionValidationException.Single(null, "definitionId", "A definition file must have a definitionId.");
        Throw(validator.ValidateForPublish(file));
        ActivityJson.AssignNodeIds(file.Root!);
        var versions = await store.GetVersionsAsync(file.DefinitionId, ct);
        var published = versions.FirstOrDefault(v => v.IsPublished);
        if (published is not null && ContentHash(published) == ContentHash(file)) return false;
        await SaveAsync(file, publish: true, ct);
        return true;
    }

    /// <summary>A hash of what a definition does and shows, ignoring version bookkeeping.</summary>
    public static string ContentHash(WorkflowDefinition definition)
    {
        var copy = definition.Clone();
        copy.Id = "";
        copy.Version = 0;
        copy.IsLatest = false;
        copy.IsPublished = false;
        copy.CreatedAt = null;
        copy.ToolVersion = null;
        // Saving drops these (CopyContent), so a file that carries them, as Elsa's exports do ("isReadonly"),
        // must hash without them or it would never match its stored version.
        copy.Extra = copy.Extra?.Where(kv => !IgnoredExtraMembers.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
        if (copy.Root is not null) ActivityJson.AssignNodeIds(copy.Root);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(JsonNode.Parse(DefinitionJson.Serialize(copy)))));
        return Convert.ToHexString(bytes);
    }

    /// <summary>Key order does not change meaning, so it must not change the hash.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => System.Text.Json.JsonSerializer.Serialize(kv.Key) + ":" + Canonical(kv.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    /// <summary>
    /// Every write goes through here so no compiled graph outlives the content it was compiled from. Forgetting
    /// after the write is enough: only published versions are cached, and a published row's content never
    /// changes without first being retracted.
    /// </summary>
    private async Task WriteAsync(IReadOnlyList<WorkflowDefinition> versions, CancellationToken ct)
    {
        await store.SaveVersionsAsync(versions, ct);
        foreach (var definitionId in versions.Select(v => v.DefinitionId).Distinct()) graphs.ForgetDefinition(definitionId);
    }

    private static bool MarkPublished(WorkflowDefinition target, IEnumerable<WorkflowDefinition> versions, List<WorkflowDefinition> changed)
    {
        var alreadyPublished = target.IsPublished;
        foreach (var other in versions.Where(v => v.Id != target.Id && (v.IsPublished || v.IsLatest)))
        {
            other.IsPublished = false;
            other.IsLatest = false;
            changed.Add(other);
        }
        target.IsPublished = true;
        target.IsLatest = true;
        return alreadyPublished;
    }

    private static WorkflowDefinition NewVersion(WorkflowDefinition model, string definitionId, int version, DateTimeOffset now)
    {
        var target = new WorkflowDefinition
        {
            Id = Ids.New(),
            DefinitionId = definitionId,
            Version = version,
            CreatedAt = now,
        };
        CopyContent(model, target);
        return target;
    }

    private static void CopyContent(WorkflowDefinition model, WorkflowDefinition target)
    {
        target.Name = model.Name;
        target.Description = model.Description;
        target.ToolVersion = model.ToolVersion;
        target.Variables = (JsonArray?)model.Variables?.DeepClone();
        target.Inputs = (JsonArray?)model.Inputs?.DeepClone();
        target.Outputs = (JsonArray?)model.Outputs?.DeepClone();
        target.Outcomes = (JsonArray?)model.Outcomes?.DeepClone();
        target.Options = (JsonObject?)model.Options?.DeepClone();
        target.CustomProperties = (JsonObject?)model.CustomProperties?.DeepClone();
        target.Root = (JsonObject?)model.Root?.DeepClone();
        target.Extra = model.Extra?.Where(kv => !IgnoredExtraMembers.Contains(kv.Key))
            .ToDictionary(kv => kv.Key, kv => kv.Value.Clone());
    }

    private static void Throw(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0) throw new DefinitionValidationException(errors);
    }
}

public sealed record SaveResult(WorkflowDefinition Definition, bool AlreadyPublished);
