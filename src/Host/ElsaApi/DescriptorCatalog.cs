using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Expressions;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// The descriptor lists Studio loads. The activity list is serialized once: the registry does not change while
/// the service runs, and Studio fetches it again after every autosave.
/// </summary>
internal sealed class DescriptorCatalog
{
    private readonly Dictionary<(string Type, int Version), ActivityDescriptor> _activities;

    public DescriptorCatalog(ActivityRegistry registry, ExpressionEvaluator expressions)
    {
        var all = registry.Descriptors.Append(NotFoundActivities.Descriptor)
            .OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.TypeName, StringComparer.Ordinal).ThenBy(d => d.Version)
            .ToList();
        _activities = all.ToDictionary(d => (d.TypeName, d.Version));
        ActivitiesJson = JsonSerializer.SerializeToUtf8Bytes(new ListResult<ActivityDescriptor>(all), ElsaShapes.Json);
        Expressions = expressions.Descriptors
            .Select(d => new ExpressionDescriptorModel(d.Type, d.DisplayName, d.IsSerializable, d.IsBrowsable, d.Properties ?? []))
            .ToList();
    }

    /// <summary><c>{"items":[ActivityDescriptor…],"count":n}</c>, ready to write.</summary>
    public byte[] ActivitiesJson { get; }

    /// <summary>Includes JavaScript and Liquid: Studio dies when nothing beyond Literal/Object/Variable is listed.</summary>
    public IReadOnlyList<ExpressionDescriptorModel> Expressions { get; }

    /// <summary>The highest version when <paramref name="version"/> is null, as Elsa's lookup does.</summary>
    public ActivityDescriptor? Find(string typeName, int? version) =>
        version is { } v
            ? _activities.GetValueOrDefault((typeName, v))
            : _activities.Values.Where(d => d.TypeName == typeName).MaxBy(d => d.Version);

    /// <summary>Variable types offered in the variable dialog; the first is the default for a new variable.</summary>
    public static readonly IReadOnlyList<VariableTypeDescriptor> VariableTypes =
    [
        new("String", "String", Primitive, "文字"),
        new("Int32", "Int32", Primitive, "整数"),
        new("Int64", "Int64", Primitive, "长整数"),
        new("Double", "Double", Primitive, "小数"),
        new("Decimal", "Decimal", Primitive, "金额等精确小数"),
        new("Boolean", "Boolean", Primitive, "是/否"),
        new("DateTimeOffset", "DateTimeOffset", Primitive, "日期时间（带时区）"),
        new("TimeSpan", "TimeSpan", Primitive, "时长，如 15.00:00:00"),
        new("Object", "Object", Primitive, "任意 JSON 值"),
        new("JsonObject", "JsonObject", Dynamic, "JSON 对象"),
    ];

    /// <summary>Variables live in the instance state; this is the only storage there is.</summary>
    public static readonly IReadOnlyList<StorageDriverDescriptor> StorageDrivers =
    [
        new("Elsa.Workflows.WorkflowInstanceStorageDriver", "流程实例 (Workflow instance)", 0, false),
    ];

    private const string Primitive = "基本类型";
    private const string Dynamic = "动态";
}

internal sealed record ExpressionDescriptorModel(string Type, string DisplayName, bool IsSerializable, bool IsBrowsable, JsonObject Properties);

internal sealed record VariableTypeDescriptor(string TypeName, string DisplayName, string Category, string? Description);

internal sealed record StorageDriverDescriptor(string TypeName, string DisplayName, double Priority, bool Deprecated);

/// <summary>Activation, log-persistence and incident strategies (<c>typeName</c>); none is offered.</summary>
internal sealed record StrategyDescriptor(string TypeName, string DisplayName, string Description);

/// <summary>Commit strategies are keyed by <c>name</c>, not <c>typeName</c>; none is offered.</summary>
internal sealed record CommitStrategyDescriptor(string Name, string DisplayName, string Description);

/// <summary>Wrapper with only <c>items</c> (storage drivers, variable types, output converters).</summary>
internal sealed record ItemsResult<T>(IReadOnlyList<T> Items);
