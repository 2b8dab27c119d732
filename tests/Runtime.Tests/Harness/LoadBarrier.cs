namespace Workflows.Runtime.Tests.Harness;

/// <summary>
/// Holds the first <c>count</c> loads of an instance until all of them have loaded, so that concurrent
/// operations are guaranteed to work on the same revision and race on the save. Later loads pass at once.
/// </summary>
internal sealed class LoadBarrier(int count)
{
    private readonly TaskCompletionSource _allLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public Task WaitAsync()
    {
        var arrived = Interlocked.Increment(ref _arrived);
        if (arrived > count) return Task.CompletedTask;
        if (arrived == count) _allLoaded.SetResult();
        return _allLoaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
