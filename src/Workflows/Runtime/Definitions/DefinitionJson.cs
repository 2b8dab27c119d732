using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Workflows.Runtime.Definitions;

/// <summary>The JSON conventions of Elsa's wire format: camelCase, string enums, nulls omitted.</summary>
public static class DefinitionJson
{
    /// <summary>
    /// Studio reads JSON case-sensitively in camelCase and crashes on explicit nulls for some fields,
    /// so nulls are omitted rather than written.
    /// </summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Chinese names and descriptions stay readable in files and logs.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>Parses definition JSON. Throws <see cref="DefinitionFormatException"/> naming the problem.</summary>
    public static WorkflowDefinition Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
                   ?? throw new DefinitionFormatException("The definition is empty (JSON null).");
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" at {ex.Path}";
            var line = ex.LineNumber is null ? "" : $" (line {ex.LineNumber + 1})";
            throw new DefinitionFormatException($"The definition is not valid JSON{where}{line}: {ex.Message}", ex);
        }
    }
}

public sealed class DefinitionFormatException : Exception
{
    public DefinitionFormatException(string message, Exception? inner = null) : base(message, inner) { }
}
