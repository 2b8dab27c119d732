using System.Text.Json;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Notifications.Senders;
using Workflows.Host.Persistence;

namespace Workflows.Host.Notifications.Templates;

/// <summary>
/// Renders the template in force for a message. A broken admin version must not stop a legal reminder: it is
/// logged and the shipped default is rendered instead.
/// </summary>
public sealed class MessageComposer(TemplateStore templates, ILogger<MessageComposer> logger)
{
    public async Task<RenderedMessage> RenderAsync(string kind, string channel, IReadOnlyDictionary<string, string> model, CancellationToken ct = default)
    {
        var template = await templates.FindAsync(kind, channel, ct)
                       ?? (kind.StartsWith("reminder-", StringComparison.Ordinal) ? await templates.FindAsync(ReminderStages.Reminder, channel, ct) : null)
                       ?? throw new TemplateException($"No {channel} template for '{kind}'.", null);
        var (message, errors) = Render(template, model);
        if (message is not null) return message;
        logger.LogError("Template {Kind}/{Channel} does not render ({Errors}); the shipped default is used", kind, channel,
            string.Join("; ", errors.Select(e => $"{e.Field} line {e.Line}: {e.Message}")));
        var fallback = DefaultTemplates.Find(template.Kind, channel) ?? throw new TemplateException(errors[0].Message, errors[0].Line);
        return Render(fallback, model).Message ?? throw new TemplateException(errors[0].Message, errors[0].Line);
    }

    /// <summary>
    /// The provider template and parameters of an SMS: stored with the message for reminders; for a text written in
    /// the workflow (no template code), the <c>message</c> template with its subject and body.
    /// </summary>
    public async Task<(string Code, IReadOnlyList<SmsTemplateParameter> Parameters)> SmsPartsAsync(OutboxMessage m, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(m.SmsTemplateCode))
            return (m.SmsTemplateCode, ParseParameters(m.SmsParametersJson));
        var rendered = await RenderAsync(TemplateKinds.Message, Channels.Sms,
            new Dictionary<string, string> { ["subject"] = m.Subject ?? m.Body, ["body"] = m.Body }, ct);
        return (rendered.SmsTemplateCode!, rendered.SmsParameters);
    }

    public static string SerializeParameters(IReadOnlyList<SmsTemplateParameter> parameters) =>
        JsonSerializer.Serialize(parameters, ReminderPlanner.Json);

    public static IReadOnlyList<SmsTemplateParameter> ParseParameters(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<SmsTemplateParameter>>(json, ReminderPlanner.Json) ?? [];

    private static (RenderedMessage? Message, IReadOnlyList<TemplateError> Errors) Render(MessageTemplate t, IReadOnlyDictionary<string, string> model) =>
        TemplateRendering.Render(t.Channel, t.Subject, t.Body, t.SmsTemplateCode, TemplateText.FormatParameters(t.SmsParameters), model);
}
