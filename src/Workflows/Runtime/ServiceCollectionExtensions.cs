using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Activities.BuiltIn;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Expressions;
using Workflows.Runtime.Expressions.Liquid;
using Workflows.Runtime.Validation;

namespace Workflows.Runtime;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The runtime with Elsa's built-in activities. Stores are not registered here: the host provides
    /// <see cref="Persistence.IWorkflowDefinitionStore"/> and <see cref="Persistence.IWorkflowInstanceStore"/>.
    /// Activity types are an explicit allow-list: add more with <see cref="AddActivity{T}"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<JavaScriptOptions>();
        services.AddOptions<ExpressionOptions>();
        services.AddOptions<LiquidOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionHandler, LiteralExpressionHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionHandler, ObjectExpressionHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionHandler, VariableExpressionHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionHandler, JavaScriptExpressionHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionHandler, LiquidExpressionHandler>());
        services.TryAddSingleton<ExpressionEvaluator>();

        services.AddActivity<Flowchart>().AddActivity<Start>().AddActivity<End>().AddActivity<Finish>()
            .AddActivity<WriteLine>().AddActivity<SetVariable>().AddActivity<FlowDecision>().AddActivity<FlowJoin>()
            .AddActivity<Delay>().AddActivity<StartAt>().AddActivity<Event>().AddActivity<SendEmail>()
            .AddActivity<FlowFork>().AddActivity<FlowSwitch>().AddActivity<SetName>().AddActivity<Correlate>()
            .AddActivity<Fault>().AddActivity<RunJavaScript>();
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddSingleton<DefinitionValidator>();
        services.TryAddSingleton<WorkflowRunner>();
        services.TryAddSingleton<WorkflowGraphCache>();
        services.TryAddScoped<DefinitionService>();
        services.TryAddScoped<WorkflowRuntime>();
        return services;
    }

    public static IServiceCollection AddActivity<T>(this IServiceCollection services) where T : class, IActivity
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, T>());
        return services;
    }
}
