namespace Workflows.Host.Notifications.Templates;

/// <summary>An edited template as the admin pages and the API send it.</summary>
public sealed record TemplateEdit(string? Subject, string? Body, string? SmsTemplateCode, string? SmsParameters);

/// <summary>The preview: the template rendered with <see cref="TemplateKinds.Sample"/>, or its errors, each with its line.</summary>
public sealed record PreviewResult(bool Ok, string? Subject, string? Body, string? SmsTemplateCode,
    IReadOnlyList<Senders.SmsTemplateParameter> SmsParameters, IReadOnlyList<TemplateError> Errors);

public static class TemplatePreview
{
    public static PreviewResult Render(string channel, TemplateEdit edit)
    {
        var (message, errors) = TemplateRendering.Render(channel, edit.Subject, edit.Body ?? "", edit.SmsTemplateCode, edit.SmsParameters, TemplateKinds.Sample);
        return message is null
            ? new PreviewResult(false, null, null, null, [], errors)
            : new PreviewResult(true, message.Subject, message.Body, message.SmsTemplateCode, message.SmsParameters, []);
    }
}
