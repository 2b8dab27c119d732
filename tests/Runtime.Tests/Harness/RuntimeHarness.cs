using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Runtime.Tests.Harness;

/// <summary>
/// The runtime as the host composes it (<c>AddWorkflowRuntime</c>), with a fake clock and in-memory stores.
/// Each operation runs in its own DI scope, as one host request would. Each test owns its harness.
/// </summary>
internal sealed class RuntimeHarness : IDisposable
{
    public static readonly DateTimeOffset StartTime = new(2025, 3, 3, 1, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public RuntimeHarness(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IWorkflowDefinitionStore>(Definitions);
        services.AddSingleton<IWorkflowInstanceStore>(Instances);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(NullLogger<>)));
        services.AddWorkflowRuntime();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Clock { get; } = new(StartTime);
    public InMemoryDefinitionStore Definitions { get; } = new();
    public InMemoryInstanceStore Instances { get; } = new();
    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<SaveResult> SaveAsync(WorkflowDefinition definition, bool publish) =>
        InScopeAsync(sp => sp.GetRequiredService<DefinitionService>().SaveAsync(definition, publish));

    /// <summary>Publishes the definition through the definition service and starts an instance of it.</summary>
    public async Task<RunResult> RunAsync(WorkflowDefinition definition, JsonObject? input = null)
    {
        var saved = await SaveAsync(definition, publish: true);
        return await InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>().StartAsync(
            saved.Definition.DefinitionId,
            new StartOptions { Input = input?.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone()) }));
    }

    public Task<RunResult> RunAsync(string fixture, JsonObject? input = null) => RunAsync(Fixture.Definition(fixture), input);

    public Task<RunResult> ResumeAsync(string instanceId, string bookmarkId, JsonNode? input = null) =>
        InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>().ResumeAsync(instanceId, bookmarkId, input));

    public Task<int> PublishEventAsync(string eventName, JsonNode? payload) =>
        InScopeAsync(sp => sp.GetRequiredService<WorkflowRuntime>().PublishEventAsync(eventName, payload));

    /// <summary>The waiting bookmark of the activity with this id.</summary>
    public Bookmark BookmarkOf(string instanceId, string activityId) =>
        Instances.Bookmarks(instanceId).Single(b => b.ActivityId == activityId);

    public void Dispose() => _services.Dispose();
}
