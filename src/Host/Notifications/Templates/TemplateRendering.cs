using Workflows.Host.Notifications.Senders;

namespace Workflows.Host.Notifications.Templates;

/// <summary>Renders a template's parts, collecting every error with the part and line it is in.</summary>
internal static class TemplateRendering
{
    public static (RenderedMessage? Message, IReadOnlyList<TemplateError> Errors) Render(
        string channel, string? subject, string body, string? smsCode, string? smsParameters, IReadOnlyDictionary<string, string> model)
    {
        var errors = new List<TemplateError>();
        var renderedSubject = channel == Channels.Email ? Part("subject", subject ?? "", model, errors) : null;
        var renderedBody = Part("body", body, model, errors);
        var parameters = new List<SmsTemplateParameter>();
        if (channel == Channels.Sms)
        {
            if (string.IsNullOrWhiteSpace(smsCode))
                errors.Add(new TemplateError("smsTemplateCode", null, "短信模板必须填写服务商的模板编号（阿里云 TemplateCode 或腾讯云 TemplateId）。"));
            try
            {
                foreach (var p in TemplateText.ParseParameters(smsParameters))
                {
                    var value = Part("smsParameters", p.Value, model, errors, p.Line);
                    if (value is not null) parameters.Add(new SmsTemplateParameter(p.Name, value.Trim()));
                }
            }
            catch (TemplateException ex)
            {
                errors.Add(new TemplateError("smsParameters", ex.Line, ex.Message));
            }
        }
        if (channel == Channels.Email && string.IsNullOrWhiteSpace(subject))
            errors.Add(new TemplateError("subject", null, "邮件模板必须有主题。"));
        return errors.Count > 0
            ? (null, errors)
            : (new RenderedMessage(renderedSubject?.Trim(), renderedBody!, smsCode?.Trim(), parameters), errors);
    }

    /// <param name="lineOffset">For a parameter, the line of the parameter list it sits on (its text is one line).</param>
    private static string? Part(string field, string text, IReadOnlyDictionary<string, string> model, List<TemplateError> errors, int? lineOffset = null)
    {
        try
        {
            return LiquidText.Render(text, model);
        }
        catch (TemplateException ex)
        {
            errors.Add(new TemplateError(field, lineOffset ?? ex.Line, ex.Message));
            return null;
        }
    }
}
