using System.Text.Json;
using Microsoft.Extensions.Options;
using Workflows.PropertyManagement.Calendar;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Notifications.Reminders;

/// <summary>Turns a deadline into its reminder rows: one per stage, at <c>SendAt</c> China time on the stage's day.</summary>
public sealed class ReminderPlanner(IOptions<NotificationOptions> options)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public IReadOnlyList<ReminderRecord> Plan(DeadlineOpened deadline, DateTimeOffset now)
    {
        var o = options.Value;
        var days = deadline.ReminderDays.Count > 0 ? deadline.ReminderDays : o.ReminderDayList;
        var stages = days.Where(d => d >= 0).Distinct().Select(d => (Stage: ReminderStages.ForDaysBefore(d), Days: d)).ToList();
        if (o.UrgeDaysAfter > 0 && deadline.Supervisors.Count > 0)
            stages.Add((ReminderStages.OverdueUrge, -o.UrgeDaysAfter));

        var model = new Dictionary<string, string>(deadline.Model)
        {
            ["due_date"] = deadline.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["due_time"] = DueTime(deadline.DueAt),
            ["subject_kind"] = deadline.SubjectKind == SubjectKinds.Filing ? "备案" : "任务",
        };
        var rows = new List<ReminderRecord>();
        if (deadline.NotifyAssigned && deadline.Responsible.Count > 0)
            rows.Add(Row(deadline, ReminderStages.Assigned, daysBefore: int.MaxValue, now, deadline.Responsible, model, now));
        foreach (var (stage, daysBefore) in stages)
        {
            var at = ChinaTime.At(deadline.DueDate.AddDays(-daysBefore), o.SendAtValue).ToUniversalTime();
            // A reminder whose moment passed before the deadline was opened would only confuse ("5 days left" with 3 left).
            if (at < now) continue;
            var recipients = stage == ReminderStages.OverdueUrge ? deadline.Supervisors : deadline.Responsible;
            if (recipients.Count == 0) continue;
            rows.Add(Row(deadline, stage, daysBefore, at, recipients, model, now));
        }
        return rows;
    }

    private static ReminderRecord Row(DeadlineOpened d, string stage, int daysBefore, DateTimeOffset at,
        IReadOnlyList<ReminderRecipient> recipients, Dictionary<string, string> model, DateTimeOffset now) => new()
    {
        Id = Ids.New(),
        Key = $"{d.SubjectKind}:{d.SubjectId}:{stage}",
        SubjectKind = d.SubjectKind,
        SubjectId = d.SubjectId,
        InstanceId = d.WorkflowInstanceId,
        CaseId = d.CaseId,
        Stage = stage,
        TemplateKind = ReminderStages.TemplateKind(stage, d.SubjectKind),
        DaysBefore = daysBefore == int.MaxValue ? d.DueDate.DayNumber - ChinaTime.ToLocalDate(now).DayNumber : daysBefore,
        DueAt = at,
        Status = ReminderStatus.Pending,
        CreatedAt = now,
        ModelJson = JsonSerializer.Serialize(model, Json),
        RecipientsJson = JsonSerializer.Serialize(recipients, Json),
    };

    /// <summary>"17:30" for a deadline at an office's closing time, "24:00" for the end of the day.</summary>
    private static string DueTime(DateTimeOffset dueAt)
    {
        var local = ChinaTime.ToChinaTime(dueAt);
        return local.TimeOfDay == TimeSpan.Zero ? "24:00" : local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
    }
}
