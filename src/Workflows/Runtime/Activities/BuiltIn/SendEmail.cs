using System.Text.Json.Nodes;
using Workflows.Runtime.Execution;

namespace Workflows.Runtime.Activities.BuiltIn;

/// <summary>
/// <c>Elsa.SendEmail</c>: queues an email. The message is an effect saved with the run (an outbox), so it is
/// sent once the run is committed and never lost if sending fails.
/// </summary>
internal sealed class SendEmail : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = "Elsa.SendEmail", Name = "SendEmail", Namespace = "Elsa", Category = Categories.Email,
        DisplayName = "发送邮件", Description = "发送一封邮件（流程步骤提交后由发件队列发送，失败自动重试）。",
        Inputs =
        [
            new InputDescriptor { Name = "From", TypeName = "String", DisplayName = "发件人", Order = 0 },
            new InputDescriptor { Name = "To", TypeName = "List<String>", DisplayName = "收件人", UiHint = UiHints.MultiText, Order = 1, IsRequired = true },
            new InputDescriptor { Name = "Cc", TypeName = "List<String>", DisplayName = "抄送", UiHint = UiHints.MultiText, Order = 2 },
            new InputDescriptor { Name = "Bcc", TypeName = "List<String>", DisplayName = "密送", UiHint = UiHints.MultiText, Order = 3 },
            new InputDescriptor { Name = "Subject", TypeName = "String", DisplayName = "主题", Order = 4 },
            new InputDescriptor { Name = "Body", TypeName = "String", DisplayName = "正文", UiHint = UiHints.MultiLine, Order = 5 },
        ],
    };

    public ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var to = Addresses(context.GetInputNode("To"));
        if (to.Count == 0)
            throw new InvalidOperationException($"SendEmail '{context.Node.Id}' has no recipient.");
        context.AddEffect(new EmailRequested(
            context.Workflow.Id,
            context.ActivityInstanceId,
            context.GetInput<string>("From"),
            to,
            Addresses(context.GetInputNode("Cc")),
            Addresses(context.GetInputNode("Bcc")),
            context.GetInput<string>("Subject") ?? "",
            context.GetInput<string>("Body") ?? ""));
        context.Complete(PortDescriptor.Done);
        return ValueTask.CompletedTask;
    }

    /// <summary>Recipients come as a JSON array, or as one string separated by commas or semicolons.</summary>
    internal static IReadOnlyList<string> Addresses(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(x => x?.ToString().Trim() ?? "").Where(x => x.Length > 0).ToList(),
        JsonValue v when v.TryGetValue<string>(out var s) =>
            s.Split([',', ';', '，', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };
}

/// <summary>An email an activity asked for; the host's outbox delivers it after the run is committed.</summary>
public sealed record EmailRequested(
    string WorkflowInstanceId,
    string ActivityInstanceId,
    string? From,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> Bcc,
    string Subject,
    string Body);
