using Workflows.Host.Persistence;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>The task part of the workspace: inbox queries, task actions, extensions, operation ids, the audit of run changes.</summary>
internal static class TasksSetup
{
    public static IServiceCollection AddWorkspaceTasks(this IServiceCollection services)
    {
        services.AddOptions<WorkspaceOptions>().BindConfiguration(WorkspaceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<TaskQueries>();
        services.AddScoped<TaskWork>();
        services.AddScoped<TaskFinishing>();
        services.AddScoped<ExtensionWork>();
        services.AddScoped<DeadlineMove>();
        services.AddScoped<TaskOperations>();
        services.AddScoped<PendingTaskOperation>();
        services.AddScoped<IBurstWriter, TaskOperationBurstWriter>();
        services.AddSingleton<IEffectWriter, TaskAuditEffectWriter>();
        return services;
    }
}
