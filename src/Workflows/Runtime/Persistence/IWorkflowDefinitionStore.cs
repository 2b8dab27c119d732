using Workflows.Runtime.Definitions;

namespace Workflows.Runtime.Persistence;

/// <summary>Where definition versions live. The host implements it on its database.</summary>
public interface IWorkflowDefinitionStore
{
    /// <summary>All versions of one definition, oldest first.</summary>
    Task<IReadOnlyList<WorkflowDefinition>> GetVersionsAsync(string definitionId, CancellationToken ct = default);

    Task<WorkflowDefinition?> FindByVersionIdAsync(string versionId, CancellationToken ct = default);

    /// <summary>
    /// Which version to start, without reading the definitions themselves: the runtime keeps published
    /// versions compiled, so starting an instance needs only this.
    /// </summary>
    async Task<string?> FindVersionIdAsync(string definitionId, VersionSelector selector, CancellationToken ct = default) =>
        selector.Pick(await GetVersionsAsync(definitionId, ct))?.Id;

    /// <summary>Inserts or updates these versions in one transaction.</summary>
    Task SaveVersionsAsync(IReadOnlyList<WorkflowDefinition> versions, CancellationToken ct = default);

    /// <summary>Deletes every version; returns false when the definition does not exist.</summary>
    Task<bool> DeleteDefinitionAsync(string definitionId, CancellationToken ct = default);

    Task<bool> DeleteVersionAsync(string versionId, CancellationToken ct = default);
}
