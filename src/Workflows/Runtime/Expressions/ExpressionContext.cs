using System.Text.Json.Nodes;

namespace Workflows.Runtime.Expressions;

/// <summary>What an expression may see and change: the instance's variables and input, and who it is.</summary>
public sealed class ExpressionContext
{
    public required IDictionary<string, JsonNode?> Variables { get; init; }

    /// <summary>Studio refers to variables by id in some places; this maps an id to the variable's name.</summary>
    public IReadOnlyDictionary<string, string> VariableNamesById { get; init; } = new Dictionary<string, string>();
    public required IReadOnlyDictionary<string, JsonNode?> Input { get; init; }
    public required string WorkflowInstanceId { get; init; }
    public required string DefinitionId { get; init; }
    public required DateTimeOffset Now { get; init; }

    /// <summary>The instance's correlation id; a script may change it (<c>setCorrelationId</c>).</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Told when a script changes the correlation id, so that the instance keeps it.</summary>
    public Action<string?>? CorrelationIdChanged { get; init; }

    /// <summary>Converts a value a script stores in a variable to the variable's declared type.</summary>
    public Func<string, JsonNode?, JsonNode?> ConvertVariable { get; init; } = (_, value) => value;

    /// <summary>The names of the definition's variables (for the generated <c>get{Name}()</c>/<c>set{Name}(v)</c>).</summary>
    public IReadOnlyCollection<string> DeclaredVariables { get; init; } = [];

    /// <summary>The names of the definition's declared inputs (for the generated <c>get{Name}()</c>).</summary>
    public IReadOnlyCollection<string> DeclaredInputs { get; init; } = [];

    /// <summary>The last outputs of the activities that ran, by activity id and by activity name.</summary>
    public IReadOnlyDictionary<string, JsonObject> ActivityOutputs { get; init; } = new Dictionary<string, JsonObject>();

    /// <summary>The result of the activity that ran last (Elsa's <c>getLastResult()</c>).</summary>
    public JsonNode? LastResult { get; init; }
}

/// <summary>An expression could not be evaluated; the message names the expression type and the reason.</summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>Describes an expression type to Studio (<c>/descriptors/expression-descriptors</c>).</summary>
public sealed record ExpressionDescriptor(
    string Type,
    string DisplayName,
    bool IsSerializable = true,
    bool IsBrowsable = true,
    JsonObject? Properties = null);
