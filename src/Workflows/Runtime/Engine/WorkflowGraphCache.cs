using System.Collections.Concurrent;
using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Engine;

/// <summary>
/// Compiled graphs of published definition versions by version id, and which version of a definition is the
/// published one, so starting or resuming an instance neither reads nor compiles its definition every time.
/// A version's content can change after it was published (retract, then edit the draft in place, as Elsa
/// allows), so <see cref="Definitions.DefinitionService"/> forgets every definition it writes or deletes.
/// </summary>
/// <remarks>
/// A reader that looked a definition up before a write committed must not put the old answer back after the
/// write forgot it: every forget moves <see cref="Generation"/> on, and an answer is kept only if no forget
/// happened since the reader took the generation at the start of its lookup.
/// Registered as a singleton for one process on its own database. When several processes share a database
/// (cluster mode) another process's write would not reach this cache, so the host registers it per scope.
/// </remarks>
public sealed class WorkflowGraphCache
{
    private readonly ConcurrentDictionary<string, WorkflowGraph> _graphs = new();
    private readonly ConcurrentDictionary<string, string> _publishedVersions = new();
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string versionId, out WorkflowGraph graph) => _graphs.TryGetValue(versionId, out graph!);

    public bool TryGetPublished(string definitionId, out WorkflowGraph graph)
    {
        graph = null!;
        return _publishedVersions.TryGetValue(definitionId, out var versionId) && _graphs.TryGetValue(versionId, out graph!);
    }

    /// <param name="generation">The <see cref="Generation"/> read before the definition was loaded.</param>
    public void Remember(WorkflowGraph graph, long generation, bool asPublishedVersion)
    {
        if (!graph.Definition.IsPublished) return;
        lock (_graphs)
        {
            if (generation != _generation) return;
            _graphs[graph.Definition.Id] = graph;
            if (asPublishedVersion) _publishedVersions[graph.Definition.DefinitionId] = graph.Definition.Id;
        }
    }

    public void ForgetDefinition(string definitionId)
    {
        lock (_graphs)
        {
            _generation++;
            _publishedVersions.TryRemove(definitionId, out _);
            foreach (var (versionId, graph) in _graphs)
                if (graph.Definition.DefinitionId == definitionId)
                    _graphs.TryRemove(versionId, out _);
        }
    }
}
