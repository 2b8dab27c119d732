namespace Workflows.Host.Notifications.Templates;

/// <summary>The templates shipped with the service (embedded <c>Defaults/{kind}.{email|sms}.liquid</c>).</summary>
internal static class DefaultTemplates
{
    private static readonly Lazy<IReadOnlyDictionary<(string Kind, string Channel), MessageTemplate>> Loaded = new(Load);

    public static IReadOnlyDictionary<(string Kind, string Channel), MessageTemplate> All => Loaded.Value;

    public static MessageTemplate? Find(string kind, string channel) => All.GetValueOrDefault((kind, channel));

    private static IReadOnlyDictionary<(string Kind, string Channel), MessageTemplate> Load()
    {
        var assembly = typeof(DefaultTemplates).Assembly;
        var result = new Dictionary<(string, string), MessageTemplate>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("templates/", StringComparison.Ordinal)))
        {
            // templates/reminder-5d.email.liquid
            var parts = resource["templates/".Length..].Split('.');
            var kind = parts[0];
            var channel = Channels.Normalize(parts[1]) ?? throw new FormatException($"Template resource {resource} names no channel.");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            result[(kind, channel)] = TemplateText.ParseDefault(kind, channel, reader.ReadToEnd());
        }
        return result;
    }
}
