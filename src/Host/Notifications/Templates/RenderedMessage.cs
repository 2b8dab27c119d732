using Workflows.Host.Notifications.Senders;

namespace Workflows.Host.Notifications.Templates;

/// <summary>A template rendered for one recipient.</summary>
public sealed record RenderedMessage(string? Subject, string Body, string? SmsTemplateCode, IReadOnlyList<SmsTemplateParameter> SmsParameters);

/// <summary>One problem with a template: which part (subject, body, parameter name), the line in it, and what is wrong.</summary>
public sealed record TemplateError(string Field, int? Line, string Message);
