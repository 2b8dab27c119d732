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
    public string? CorrelationId { get; init; }
    public required DateTimeOffset Now { get; init; }
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
