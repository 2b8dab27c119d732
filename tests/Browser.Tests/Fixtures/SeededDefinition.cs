using System.Text.Json.Nodes;

namespace Workflows.Browser.Tests.Fixtures;

/// <summary>One Elsa definition file the host imported on start, with what the designer should draw for it.</summary>
public sealed record SeededDefinition(string File, string DefinitionId, string Name, IReadOnlyList<SeededActivity> Activities)
{
    public static SeededDefinition Read(string path)
    {
        var json = JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsObject();
        var activities = json["root"]?["activities"]?.AsArray() ?? [];
        return new SeededDefinition(
            Path.GetFileName(path),
            (string)json["definitionId"]!,
            (string?)json["name"] ?? (string)json["definitionId"]!,
            [.. activities.Select(a => new SeededActivity(
                (string)a!["id"]!,
                (string)a["type"]!,
                // The node label is the designer's display text if set, else the activity's name.
                (string?)a["metadata"]?["displayText"] ?? (string?)a["name"]))]);
    }

    public override string ToString() => File;
}

/// <summary>A top-level activity of the flowchart; <see cref="Label"/> is null when the designer shows the type's name.</summary>
public sealed record SeededActivity(string Id, string Type, string? Label);
