namespace Workflows.Host.Notifications.Templates;

/// <summary>An admin's version of a message template; it overrides the shipped default of the same kind and channel.</summary>
public sealed class TemplateRecord
{
    public string Kind { get; set; } = "";

    /// <summary><c>Email</c> or <c>Sms</c>.</summary>
    public string Channel { get; set; } = "";

    /// <summary>Email: the Liquid subject. SMS: unused.</summary>
    public string? Subject { get; set; }

    /// <summary>Email: the Liquid body. SMS: the message text as approved by the provider, in Liquid (for the log and preview).</summary>
    public string Body { get; set; } = "";

    /// <summary>SMS: the provider's template code (Alibaba TemplateCode, Tencent TemplateId).</summary>
    public string? SmsTemplateCode { get; set; }

    /// <summary>SMS: one parameter a line, <c>name: {{ liquid }}</c>, in the provider template's order.</summary>
    public string? SmsParameters { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
