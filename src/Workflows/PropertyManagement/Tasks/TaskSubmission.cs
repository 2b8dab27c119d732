using System.Text.Json.Nodes;

namespace Workflows.PropertyManagement.Tasks;

/// <summary>
/// What an officer submits to complete a task. <see cref="By"/> and <see cref="ExpectedRevision"/> are filled by
/// the officers' workspace (sign-in, stale-form check); the API key caller leaves them empty.
/// </summary>
public sealed record TaskSubmission(string? Outcome, JsonObject? Form, string? Note, string? By = null, long? ExpectedRevision = null)
{
    public JsonObject ToResumeInput() => new()
    {
        ["outcome"] = Outcome,
        ["form"] = Form?.DeepClone() ?? new JsonObject(),
        ["note"] = Note,
        ["by"] = By,
    };
}
