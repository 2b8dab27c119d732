using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Notifications;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Execution;

namespace Workflows.PropertyManagement.Activities;

/// <summary>
/// <c>Pm.Notify</c> 通知: a message to an office or a party of the case (催办, 通知, 公告). Saved with the run as an
/// outbox-ready effect; email and SMS delivery happen after commit.
/// </summary>
internal sealed class NotifyActivity : IActivity, IValidatesInputs
{
    public IEnumerable<InputProblem> ValidateInputs(IActivityInputs inputs) =>
        InputChecks.Check(inputs, Descriptor);

    public const string Both = "Both";
    public const string Email = "Email";
    public const string Sms = "Sms";

    public ActivityDescriptor Descriptor { get; } = new()
    {
        TypeName = PmActivities.Notify, Name = "Notify", Namespace = PmActivities.Namespace, Category = PmActivities.Category,
        DisplayName = "通知", Kind = ActivityKind.Action,
        Description = "向本案的单位或当事人发送通知（邮件、短信）；对“全体业主”为在小区显著位置公告。",
        Ports = [new(PmActivities.Done, "完成")],
        Inputs =
        [
            Inputs.AnyActor("To", "通知对象", Actor.PropertyCompany, "按本案小区登记的联系方式发送。", 0),
            new InputDescriptor
            {
                Name = "Channel", TypeName = "String", DisplayName = "方式", Order = 1, UiHint = UiHints.Dropdown,
                DefaultValue = JsonValue.Create(Both),
                UiSpecifications = UiHints.DropdownItems(("邮件和短信", Both), ("邮件", Email), ("短信", Sms)),
            },
            Inputs.Text("Subject", "标题", "可用 Liquid。", 2, required: true),
            Inputs.Text("Body", "内容", "可用 Liquid，例如 {{ Input.signedOn }}。", 3, required: true, uiHint: UiHints.MultiLine),
            Inputs.Text("ExtraRecipients", "其他收件人", "另外的邮箱或手机号，逗号分隔。", 4),
        ],
    };

    public async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var @case = CaseContext.Of(context);
        var profile = await TaskOpener.LoadCompoundAsync(context, @case);
        var audience = InputReader.Actor(context, "To", Actor.PropertyCompany);
        var channel = InputReader.Text(context, "Channel") ?? Both;
        var (email, sms) = channel switch
        {
            Email => (true, false),
            Sms => (false, true),
            Both => (true, true),
            _ => throw new InvalidOperationException($"Channel: 未知的通知方式“{channel}”（应为 Both、Email 或 Sms）。"),
        };
        var subject = InputReader.RequiredText(context, "Subject", "标题");
        var body = InputReader.RequiredText(context, "Body", "内容");
        var party = Parties.Resolve(audience, context, profile);
        var recipients = new List<Recipient>();
        if (audience == Actor.AllOwners)
        {
            recipients.Add(new Recipient(NotificationChannel.Notice, profile.Compound.Id, party?.Name));
        }
        else if (party is not null)
        {
            if (email && party.Email is { } e) recipients.Add(new Recipient(NotificationChannel.Email, e, party.Name));
            if (sms && party.Mobile is { } m) recipients.Add(new Recipient(NotificationChannel.Sms, m, party.Name));
        }
        foreach (var extra in (InputReader.Text(context, "ExtraRecipients") ?? "")
                     .Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var isEmail = extra.Contains('@', StringComparison.Ordinal);
            if ((isEmail && email) || (!isEmail && sms))
                recipients.Add(new Recipient(isEmail ? NotificationChannel.Email : NotificationChannel.Sms, extra, null));
        }
        recipients = recipients.DistinctBy(r => (r.Channel, r.Address.ToLowerInvariant())).ToList();
        var who = party?.Name ?? audience.ChineseName();
        if (recipients.Count == 0)
        {
            context.Journal("NotificationSkipped", $"通知“{subject}”未发送：{who}没有登记邮箱或手机号");
        }
        else
        {
            context.AddEffect(new NotificationRequested(@case.CaseId, @case.WorkflowInstanceId, context.ActivityInstanceId,
                audience, subject, body, recipients, context.Now));
            context.Journal("Notified", $"通知{who}：{subject}",
                new JsonObject { ["recipients"] = new JsonArray([.. recipients.Select(r => (JsonNode)$"{r.Channel}:{r.Address}")]) });
        }
        context.Complete(PmActivities.Done);
    }
}
