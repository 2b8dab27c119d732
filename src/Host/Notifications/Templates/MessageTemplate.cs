namespace Workflows.Host.Notifications.Templates;

/// <summary>
/// A message template of one kind for one channel. Email: Liquid subject and body. SMS: the provider's template code
/// and its parameters in the provider template's order (Alibaba reads them by name, Tencent by position), each a
/// Liquid expression; the body is the approved text, for the delivery log and the preview.
/// </summary>
public sealed record MessageTemplate(
    string Kind,
    string Channel,
    string? Subject,
    string Body,
    string? SmsTemplateCode,
    IReadOnlyList<SmsParameterTemplate> SmsParameters,
    bool IsDefault,
    DateTimeOffset? UpdatedAt = null,
    string? UpdatedBy = null);

public sealed record SmsParameterTemplate(string Name, string Value, int Line);

/// <summary>The text forms of a template: the embedded default files, and the parameter lines admins edit.</summary>
internal static class TemplateText
{
    /// <summary>
    /// <c>name: {{ liquid }}</c> a line, blank lines ignored. Names are what Alibaba's template uses
    /// (<c>${name}</c>); Tencent uses only the order.
    /// </summary>
    public static IReadOnlyList<SmsParameterTemplate> ParseParameters(string? text)
    {
        var result = new List<SmsParameterTemplate>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].Trim() : "";
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                throw new TemplateException($"短信参数第 {i + 1} 行应为“参数名: 内容”，参数名只能含字母、数字和下划线。", i + 1);
            if (result.Any(p => p.Name == name))
                throw new TemplateException($"短信参数“{name}”重复。", i + 1);
            result.Add(new SmsParameterTemplate(name, line[(colon + 1)..].Trim(), i + 1));
        }
        return result;
    }

    public static string FormatParameters(IEnumerable<SmsParameterTemplate> parameters) =>
        string.Join("\n", parameters.Select(p => $"{p.Name}: {p.Value}"));

    /// <summary>
    /// A shipped default: header lines (<c>subject:</c>, <c>code:</c>, <c>param name:</c>), a line <c>---</c>, then
    /// the body.
    /// </summary>
    public static MessageTemplate ParseDefault(string kind, string channel, string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        if (split < 0) throw new FormatException($"Template {kind}.{channel} has no '---' line between header and body.");
        string? subject = null, code = null;
        var parameters = new List<string>();
        foreach (var line in text[..split].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("subject:", StringComparison.Ordinal)) subject = line["subject:".Length..].Trim();
            else if (line.StartsWith("code:", StringComparison.Ordinal)) code = line["code:".Length..].Trim();
            else if (line.StartsWith("param ", StringComparison.Ordinal)) parameters.Add(line["param ".Length..]);
            else throw new FormatException($"Template {kind}.{channel}: unknown header line '{line}'.");
        }
        return new MessageTemplate(kind, channel, subject, text[(split + 5)..].TrimEnd('\n'), code,
            ParseParameters(string.Join("\n", parameters)), IsDefault: true);
    }
}
