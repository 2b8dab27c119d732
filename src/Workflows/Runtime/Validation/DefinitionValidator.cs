using System.Text.Json.Nodes;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Expressions;

namespace Workflows.Runtime.Validation;

/// <summary>
/// Checks a definition before it is stored or published. Every error names the activity and the property.
/// Saving a draft needs a well-formed definition of known activity types; publishing needs it to be runnable.
/// </summary>
public sealed class DefinitionValidator(ActivityRegistry registry, ExpressionEvaluator evaluator)
{
    /// <summary>What every save requires: a flowchart root, ids and types (a draft may hold types this service lacks).</summary>
    public IReadOnlyList<ValidationError> ValidateStructure(WorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        if (definition.Root is not { } root)
        {
            errors.Add(new ValidationError(null, "root", "The definition has no root activity."));
            return errors;
        }
        if (!ActivityJson.IsFlowchart(root))
        {
            errors.Add(new ValidationError(ActivityJson.Id(root), "root",
                $"Only flowcharts are supported as the root (found '{ActivityJson.Type(root) ?? "no type"}')."));
            return errors;
        }
        CheckFlowchartStructure(root, errors);
        return errors;
    }

    /// <summary>
    /// The inputs that domain activities can check before running (<see cref="IValidatesInputs"/>), anywhere in the
    /// definition. Each message names the activity as the designer shows it and the input by its display name.
    /// </summary>
    public IReadOnlyList<ValidationError> ValidateActivityInputs(WorkflowDefinition definition)
    {
        var errors = new List<ValidationError>();
        if (definition.Root is { } root)
            CheckActivityInputs(root, errors);
        return errors;
    }

    private void CheckActivityInputs(JsonObject flowchart, List<ValidationError> errors)
    {
        foreach (var activity in ActivityJson.Children(flowchart))
        {
            if (Find(activity) is { } implementation && implementation is IValidatesInputs validating)
            {
                var descriptor = implementation.Descriptor;
                var label = ActivityLabel(activity, descriptor);
                foreach (var problem in validating.ValidateInputs(new DefinitionInputs(activity, descriptor)))
                {
                    var input = descriptor.FindInput(problem.InputName);
                    errors.Add(new ValidationError(ActivityJson.Id(activity), problem.InputName,
                        $"活动“{label}”的“{input?.DisplayName ?? problem.InputName}”：{problem.Message}"));
                }
            }
            if (ActivityJson.IsFlowchart(activity))
                CheckActivityInputs(activity, errors);
        }
    }

    /// <summary>The activity as the designer labels it: its display text, else its name, else its type's display name.</summary>
    private static string ActivityLabel(JsonObject activity, ActivityDescriptor descriptor)
    {
        static string? Str(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
        return Str(activity["metadata"]?["displayText"]) ?? Str(activity["name"]) ?? descriptor.DisplayName;
    }

    /// <summary>What publishing requires on top: connections that lead somewhere, known ports, valid expressions.</summary>
    public IReadOnlyList<ValidationError> ValidateForPublish(WorkflowDefinition definition)
    {
        var errors = ValidateStructure(definition).ToList();
        if (errors.Count > 0) return errors;
        if (string.IsNullOrWhiteSpace(definition.Name))
            errors.Add(new ValidationError(null, "name", "The definition has no name."));
        CheckVariables(definition, errors);
        CheckTypesKnown(definition.Root!, errors);
        CheckFlowchart(definition.Root!, errors);
        errors.AddRange(ValidateActivityInputs(definition));
        return errors;
    }

    private void CheckFlowchartStructure(JsonObject flowchart, List<ValidationError> errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activity in ActivityJson.Children(flowchart))
        {
            var id = ActivityJson.Id(activity);
            if (id is null)
            {
                errors.Add(new ValidationError(null, "id", $"An activity of type '{ActivityJson.Type(activity)}' has no id."));
                continue;
            }
            if (!ids.Add(id))
                errors.Add(new ValidationError(id, "id", $"Activity id '{id}' is used twice in the same flowchart."));
            if (ActivityJson.Type(activity) is null)
                errors.Add(new ValidationError(id, "type", $"Activity '{id}' has no type."));
            if (ActivityJson.IsFlowchart(activity))
                CheckFlowchartStructure(activity, errors);
        }
    }

    /// <summary>
    /// An activity of a type this service does not have (an Elsa custom activity, a newer version) is kept in a
    /// draft, shown in Studio as Elsa's NotFoundActivity placeholder; it cannot be published.
    /// </summary>
    private void CheckTypesKnown(JsonObject flowchart, List<ValidationError> errors)
    {
        foreach (var activity in ActivityJson.Children(flowchart))
        {
            if (ActivityJson.Type(activity) is { } type && registry.Find(type, ActivityJson.Version(activity)) is null)
            {
                var id = ActivityJson.Id(activity);
                var name = ActivityJson.Name(activity) ?? id;
                errors.Add(new ValidationError(id, "type", registry.IsKnownType(type)
                    ? $"活动“{name}”使用了“{type}”的版本 {ActivityJson.Version(activity)}，本服务没有该版本，不能发布。Activity '{name}' uses version {ActivityJson.Version(activity)} of '{type}', which this service does not have."
                    : $"活动“{name}”的类型“{type}”在本服务中不存在，请替换后再发布。Activity '{name}' has unknown type '{type}' and cannot be published."));
            }
            if (ActivityJson.IsFlowchart(activity))
                CheckTypesKnown(activity, errors);
        }
    }

    private void CheckFlowchart(JsonObject flowchart, List<ValidationError> errors)
    {
        var activities = ActivityJson.Children(flowchart)
            .Where(a => ActivityJson.Id(a) is not null)
            .GroupBy(a => ActivityJson.Id(a)!).ToDictionary(g => g.Key, g => g.First());
        foreach (var connectionJson in ActivityJson.Connections(flowchart))
        {
            if (Connection.From(connectionJson) is not { } connection)
            {
                errors.Add(new ValidationError(ActivityJson.Id(flowchart), "connections", $"A connection has no source or target: {connectionJson.ToJsonString()}"));
                continue;
            }
            if (!activities.TryGetValue(connection.Source, out var source))
            {
                errors.Add(new ValidationError(connection.Source, "connections", $"A connection starts at activity '{connection.Source}', which does not exist."));
                continue;
            }
            if (!activities.ContainsKey(connection.Target))
                errors.Add(new ValidationError(connection.Source, "connections", $"A connection from '{connection.Source}' leads to activity '{connection.Target}', which does not exist."));
            if (connection.TargetPort != Connection.DefaultTargetPort)
                errors.Add(new ValidationError(connection.Target, "connections", $"A connection enters '{connection.Target}' at port '{connection.TargetPort}'; activities are entered at 'In'."));
            if (Find(source) is { } activity)
            {
                var outcomes = activity.PossibleOutcomes(source).ToList();
                if (!outcomes.Contains(connection.SourcePort))
                    errors.Add(new ValidationError(connection.Source, "connections",
                        $"Activity '{connection.Source}' ({ActivityJson.Type(source)}) has no outcome port '{connection.SourcePort}' (ports: {string.Join(", ", outcomes)})."));
            }
        }
        foreach (var (id, activity) in activities)
        {
            if (Find(activity) is { } implementation)
                CheckInputs(id, activity, implementation.Descriptor, errors);
            if (ActivityJson.IsFlowchart(activity))
                CheckFlowchart(activity, errors);
        }
    }

    private void CheckInputs(string activityId, JsonObject activity, ActivityDescriptor descriptor, List<ValidationError> errors)
    {
        foreach (var input in descriptor.Inputs)
        {
            var raw = activity[input.JsonKey];
            if (raw is JsonObject wrapped && wrapped["expression"] is JsonObject expression)
            {
                var type = expression["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : "Literal";
                var value = expression["value"];
                if (evaluator.Check(type, value) is { } problem)
                    errors.Add(new ValidationError(activityId, input.Name, problem));
                else if (type == "Literal" && LiteralProblem(input, value) is { } literalProblem)
                    errors.Add(new ValidationError(activityId, input.Name, literalProblem));
                else if (input.IsRequired && IsEmpty(value))
                    errors.Add(new ValidationError(activityId, input.Name, $"Input '{input.DisplayName}' ({input.Name}) is required."));
            }
            else if (input.IsRequired && (IsEmpty(raw) || (input.IsWrapped && raw is JsonObject)))
            {
                errors.Add(new ValidationError(activityId, input.Name, $"Input '{input.DisplayName}' ({input.Name}) is required."));
            }
        }
    }

    private static bool IsEmpty(JsonNode? value) =>
        value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s));

    /// <summary>A literal must be readable as the input's type, so a typo in "15.00:00:00" is found before it runs.</summary>
    private static string? LiteralProblem(InputDescriptor input, JsonNode? value)
    {
        if (IsEmpty(value)) return null;
        var type = input.TypeName switch
        {
            "Int32" => typeof(int),
            "Int64" => typeof(long),
            "Double" => typeof(double),
            "Boolean" => typeof(bool),
            "TimeSpan" => typeof(TimeSpan),
            "DateTimeOffset" or "DateTime" => typeof(DateTimeOffset),
            _ => null,
        };
        if (type is null) return null;
        try
        {
            ValueConverter.Convert(value, type);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidOperationException)
        {
            return $"'{value}' is not a valid {input.TypeName} for input '{input.DisplayName}' ({input.Name}).";
        }
    }

    private static void CheckVariables(WorkflowDefinition definition, List<ValidationError> errors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variable in definition.ReadVariables())
        {
            if (string.IsNullOrWhiteSpace(variable.Name))
                errors.Add(new ValidationError(null, "variables", $"Variable '{variable.Id}' has no name."));
            else if (!names.Add(variable.Name))
                errors.Add(new ValidationError(null, "variables", $"Variable name '{variable.Name}' is used twice."));
        }
    }

    private IActivity? Find(JsonObject activity) =>
        ActivityJson.Type(activity) is { } type ? registry.Find(type, ActivityJson.Version(activity)) : null;
}
