namespace Workflows.Runtime.Definitions;

/// <summary>Elsa's VersionOptions as used to pick one version: Latest, Published, LatestOrPublished, or a number.</summary>
public readonly record struct VersionSelector(string Kind, int Number = 0)
{
    public static readonly VersionSelector Latest = new("Latest");
    public static readonly VersionSelector Published = new("Published");
    public static readonly VersionSelector LatestOrPublished = new("LatestOrPublished");

    public static VersionSelector Specific(int version) => new("Specific", version);

    /// <summary>Parses Elsa's query form; null or empty means Published (the version new instances use).</summary>
    public static VersionSelector Parse(string? text) => text switch
    {
        null or "" => Published,
        _ when int.TryParse(text, out var n) => Specific(n),
        _ when text.Equals("Latest", StringComparison.OrdinalIgnoreCase) => Latest,
        _ when text.Equals("Published", StringComparison.OrdinalIgnoreCase) => Published,
        _ when text.Equals("LatestOrPublished", StringComparison.OrdinalIgnoreCase) => LatestOrPublished,
        _ when text.Equals("LatestAndPublished", StringComparison.OrdinalIgnoreCase) => Published,
        _ => throw new ArgumentException($"Unknown versionOptions '{text}' (expected Latest, Published, LatestOrPublished or a version number)."),
    };

    public WorkflowDefinition? Pick(IReadOnlyList<WorkflowDefinition> versions)
    {
        var number = Number;
        return Kind switch
        {
        "Latest" => versions.FirstOrDefault(v => v.IsLatest) ?? versions.MaxBy(v => v.Version),
        "Published" => versions.FirstOrDefault(v => v.IsPublished),
        "LatestOrPublished" => versions.FirstOrDefault(v => v.IsLatest) ?? versions.FirstOrDefault(v => v.IsPublished),
        _ => versions.FirstOrDefault(v => v.Version == number),
        };
    }
}
