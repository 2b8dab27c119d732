using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Workflows.Runtime.Definitions;

namespace Workflows.Host.ElsaApi;

/// <summary>Turns a definition sent by Studio or read from an import file into the runtime's model.</summary>
internal static class DefinitionModel
{
    /// <summary>Members a client may send that describe the response or the file, not the definition.</summary>
    private static readonly string[] EnvelopeMembers = ["$schema", "links", "materializerName"];

    public static bool TryRead(JsonObject json, [NotNullWhen(true)] out WorkflowDefinition? model, [NotNullWhen(false)] out IResult? error)
    {
        var ok = TryRead(json, out model, out var field, out var message);
        error = ok ? null : ElsaErrors.BadRequest(field!, message!);
        return ok;
    }

    /// <summary>On failure, <paramref name="field"/> and <paramref name="message"/> say what is wrong.</summary>
    public static bool TryRead(JsonObject json, [NotNullWhen(true)] out WorkflowDefinition? model, out string? field, out string? message)
    {
        model = null;
        field = "root";
        // Studio's create dialog also offers Sequence and State machine roots; only flowcharts run here.
        if (json["root"] is not JsonObject root)
        {
            message = "The definition has no root activity.";
            return false;
        }
        if (!ActivityJson.IsFlowchart(root))
        {
            message = "Only flowcharts are supported";
            return false;
        }
        foreach (var member in EnvelopeMembers)
            json.Remove(member);
        NotFoundActivities.Restore(root);
        try
        {
            model = DefinitionJson.Deserialize(json.ToJsonString());
            (field, message) = (null, null);
            return true;
        }
        catch (DefinitionFormatException ex)
        {
            (field, message) = ("model", ex.Message);
            return false;
        }
    }
}
