using System.Text.Json.Nodes;

namespace Workflows.Runtime.Activities;

/// <summary>The inputs of an activity by descriptor name: while it runs (evaluated) or while a definition is checked.</summary>
public interface IActivityInputs
{
    /// <summary>The input's value; a missing input gives the descriptor's default.</summary>
    JsonNode? GetInputNode(string name);

    /// <summary>
    /// False for an input given by an expression (JavaScript, Liquid, a variable) while a definition is checked:
    /// its value is only known when the activity runs, so checks of it wait until then.
    /// </summary>
    bool IsKnown(string name) => true;
}

/// <summary>A problem with one input of one activity, in the admin's language.</summary>
public sealed record InputProblem(string InputName, string Message);

/// <summary>
/// An activity that can tell, from its inputs alone, that it would fail when it runs (a negative period, an
/// unknown unit, a form that is not JSON), so that saving and publishing refuse it instead of every start.
/// </summary>
public interface IValidatesInputs
{
    IEnumerable<InputProblem> ValidateInputs(IActivityInputs inputs);
}
