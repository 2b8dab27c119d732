using System.Text.Json.Nodes;

namespace Workflows.Runtime.Activities;

/// <summary>
/// What Studio needs to draw an activity and edit its inputs. Serialized as-is to <c>/descriptors/activities</c>,
/// so the property names are Elsa's.
/// </summary>
public sealed record ActivityDescriptor
{
    public required string TypeName { get; init; }
    public required string Name { get; init; }
    public string? Namespace { get; init; }
    public int Version { get; init; } = 1;
    public required string Category { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public ActivityKind Kind { get; init; } = ActivityKind.Action;
    public bool IsBrowsable { get; init; } = true;
    public bool IsContainer { get; init; }
    public bool IsStart { get; init; }
    public bool IsTerminal { get; init; }
    public IReadOnlyList<PortDescriptor> Ports { get; init; } = [];
    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];
    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];
    public JsonObject CustomProperties { get; init; } = [];
    public JsonObject ConstructionProperties { get; init; } = [];

    /// <summary>The outcome ports; an activity without declared ports has the implicit <c>Done</c> unless terminal.</summary>
    public IEnumerable<string> FlowPortNames()
    {
        var flow = Ports.Where(p => p.Type == PortType.Flow).Select(p => p.Name).ToList();
        return flow.Count > 0 || IsTerminal ? flow : [PortDescriptor.Done];
    }

    public InputDescriptor? FindInput(string name) =>
        Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
}

public enum ActivityKind
{
    Action,
    Trigger,
    Job,
    Task,
}

public enum PortType
{
    Flow,
    Embedded,
}

public sealed record PortDescriptor(string Name, string DisplayName, PortType Type = PortType.Flow, bool IsBrowsable = true)
{
    public const string Done = "Done";
}

public sealed record InputDescriptor
{
    /// <summary>PascalCase; the activity JSON key is its camelCase form.</summary>
    public required string Name { get; init; }
    public required string TypeName { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public float Order { get; init; }
    public string? Category { get; init; }
    public string UiHint { get; init; } = UiHints.SingleLine;
    public bool IsWrapped { get; init; } = true;
    public bool IsBrowsable { get; init; } = true;
    public bool IsReadOnly { get; init; }
    public bool IsSensitive { get; init; }
    public JsonNode? DefaultValue { get; init; }
    public string DefaultSyntax { get; init; } = "Literal";
    public bool IsSynthetic { get; init; }
    public JsonObject? UiSpecifications { get; init; }

    /// <summary>Validation: a required input must have a value before publish.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsRequired { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string JsonKey => char.ToLowerInvariant(Name[0]) + Name[1..];
}

public sealed record OutputDescriptor
{
    public required string Name { get; init; }
    public required string TypeName { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    public float Order { get; init; }
    public bool IsBrowsable { get; init; } = true;
    public bool IsSynthetic { get; init; }
}

/// <summary>The UI hints Studio knows (a client-side list; anything else shows "unsupported").</summary>
public static class UiHints
{
    public const string SingleLine = "singleline";
    public const string MultiLine = "multiline";
    public const string Checkbox = "checkbox";
    public const string Dropdown = "dropdown";
    public const string DateTimePicker = "datetime-picker";
    public const string DynamicOutcomes = "dynamic-outcomes";
    public const string CodeEditor = "code-editor";
    public const string MultiText = "multitext";
    public const string JsonEditor = "json-editor";

    /// <summary>uiSpecifications for a dropdown with fixed items (text shown, value stored).</summary>
    public static JsonObject DropdownItems(params (string Text, string Value)[] items) => new()
    {
        ["dropdown"] = new JsonObject
        {
            ["selectList"] = new JsonObject
            {
                ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject { ["text"] = i.Text, ["value"] = i.Value }).ToArray()),
                ["isFlagsEnum"] = false,
            },
        },
    };
}
