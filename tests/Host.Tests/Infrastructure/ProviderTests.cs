namespace Workflows.Host.Tests.Infrastructure;

/// <summary>
/// Base of a behavioural suite that runs on every database provider: the suite is an abstract class, and each
/// provider has a sealed subclass of it (the PostgreSQL ones in the <see cref="PostgreSqlCollection"/>).
/// </summary>
public abstract class ProviderTests(TestDatabase database) : IDisposable
{
    protected TestDatabase Database { get; } = database;

    /// <summary>A host on a new database of this suite's provider.</summary>
    protected async Task<WorkflowsApp> NewAppAsync(IDictionary<string, string?>? settings = null, string? definitionsPath = null) =>
        App(await Database.NewAsync(), settings, definitionsPath);

    /// <summary>A host on the given database (from <see cref="TestDatabase.NewAsync"/>); two in turn are a restart.</summary>
    protected static WorkflowsApp App(IReadOnlyDictionary<string, string?> database, IDictionary<string, string?>? settings = null, string? definitionsPath = null)
    {
        var merged = new Dictionary<string, string?>(database);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            merged[key] = value;
        return new WorkflowsApp(definitionsPath: definitionsPath, settings: merged);
    }

    public void Dispose()
    {
        Database.Release();
        GC.SuppressFinalize(this);
    }
}
