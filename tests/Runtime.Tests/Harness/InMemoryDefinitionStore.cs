using Workflows.Runtime.Definitions;
using Workflows.Runtime.Persistence;

namespace Workflows.Runtime.Tests.Harness;

/// <summary>
/// Definition versions kept as JSON text, as a database would keep them: every read returns fresh copies, so
/// the service cannot change stored versions except through <see cref="SaveVersionsAsync"/>.
/// </summary>
internal sealed class InMemoryDefinitionStore : IWorkflowDefinitionStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _jsonByVersionId = [];

    /// <summary>How many times <see cref="SaveVersionsAsync"/> was called.</summary>
    public int SaveCalls { get; private set; }

    /// <summary>Every stored version's JSON by version id, to compare the store before and after an operation.</summary>
    public IReadOnlyDictionary<string, string> Snapshot()
    {
        lock (_lock) return new Dictionary<string, string>(_jsonByVersionId);
    }

    public Task<IReadOnlyList<WorkflowDefinition>> GetVersionsAsync(string definitionId, CancellationToken ct = default)
    {
        lock (_lock)
        {
            IReadOnlyList<WorkflowDefinition> versions = _jsonByVersionId.Values.Select(DefinitionJson.Deserialize)
                .Where(d => d.DefinitionId == definitionId).OrderBy(d => d.Version).ToList();
            return Task.FromResult(versions);
        }
    }

    public Task<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken ct = default)
    {
        lock (_lock)
            return Task.FromResult(_jsonByVersionId.TryGetValue(versionId, out var json) ? DefinitionJson.Deserialize(json) : null);
    }

    public Task SaveVersionsAsync(IReadOnlyList<WorkflowDefinition> versions, CancellationToken ct = default)
    {
        lock (_lock)
        {
            SaveCalls++;
            foreach (var version in versions)
                _jsonByVersionId[version.Id] = DefinitionJson.Serialize(version);
        }
        return Task.CompletedTask;
    }

    public Task<bool> DeleteDefinitionAsync(string definitionId, CancellationToken ct = default)
    {
        lock (_lock)
        {
            var ids = _jsonByVersionId.Where(kv => DefinitionJson.Deserialize(kv.Value).DefinitionId == definitionId)
                .Select(kv => kv.Key).ToList();
            foreach (var id in ids) _jsonByVersionId.Remove(id);
            return Task.FromResult(ids.Count > 0);
        }
    }

    public Task<bool> DeleteVersionAsync(string versionId, CancellationToken ct = default)
    {
        lock (_lock) return Task.FromResult(_jsonByVersionId.Remove(versionId));
    }
}
