using System.Collections.Concurrent;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// Serializes changes to one definition within this process. Studio's autosave and an explicit save or
/// publish can overlap, and two concurrent saves after a publish would both try to create version N+1.
/// (Across processes the unique (DefinitionId, Version) index refuses the second one.)
/// </summary>
internal sealed class DefinitionLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string? definitionId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(definitionId)) return Released.Instance;
        var gate = _gates.GetOrAdd(definitionId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }

    private sealed class Released : IDisposable
    {
        public static readonly Released Instance = new();

        public void Dispose()
        {
        }
    }
}
