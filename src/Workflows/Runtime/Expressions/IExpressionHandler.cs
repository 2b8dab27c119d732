using System.Text.Json.Nodes;

namespace Workflows.Runtime.Expressions;

/// <summary>Evaluates one expression type (<c>Literal</c>, <c>JavaScript</c>, ...).</summary>
public interface IExpressionHandler
{
    ExpressionDescriptor Descriptor { get; }

    JsonNode? Evaluate(JsonNode? value, ExpressionContext context);

    /// <summary>Checks the expression without running it; returns the problem, or null when it is well formed.</summary>
    string? Check(JsonNode? value);
}
