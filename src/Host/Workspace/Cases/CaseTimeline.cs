using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Workspace.Cases;

/// <summary>One line of a case's history: when, what kind (for styling and tests), and the sentence.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Text);

/// <summary>
/// A case's history from the workflow journal, oldest first: the procedure started and ended, the steps run, and the
/// lines the procedures' activities write in plain Chinese (task opened, completed, overdue, escalated; filing window
/// opened, overdue, recorded; vote, credit record, notification), with who completed a task or recorded a filing.
/// </summary>
internal sealed class CaseTimeline(WorkflowsDbContext db)
{
    /// <summary>The activities' own journal lines and their labels.</summary>
    private static readonly Dictionary<string, (string Kind, string Chinese, string English)> DomainEvents = new(StringComparer.Ordinal)
    {
        ["TaskOpened"] = ("task-opened", "派发任务", "Task opened"),
        ["TaskCompleted"] = ("task-completed", "任务办结", "Task completed"),
        ["TaskOverdue"] = ("task-overdue", "任务逾期", "Task overdue"),
        ["Escalated"] = ("escalated", "逐级上报", "Escalated"),
        ["FilingOpened"] = ("filing-opened", "备案期限起算", "Filing period started"),
        ["FilingOverdue"] = ("filing-overdue", "备案逾期", "Filing overdue"),
        ["FilingRecorded"] = ("filing-recorded", "登记备案", "Filing recorded"),
        ["VoteRecorded"] = ("vote-recorded", "业主表决", "Owners' vote"),
        ["CreditRecorded"] = ("credit-recorded", "信用记录", "Credit record"),
        ["CreditRecordSkipped"] = ("credit-skipped", "信用记录未记", "Credit record skipped"),
        ["Notified"] = ("notified", "发送通知", "Notification"),
        ["NotificationSkipped"] = ("notification-skipped", "通知未发送", "Notification not sent"),
    };

    /// <summary>Engine scaffolding and the procedures' own activities (which write the domain lines above) are not listed as steps.</summary>
    private static bool IsListedStep(string activityType) => activityType is not ("Elsa.Flowchart" or "Elsa.Sequence") && !activityType.StartsWith("Pm.", StringComparison.Ordinal);

    public async Task<IReadOnlyList<TimelineEntry>> BuildAsync(CaseView view, CaseText text, CancellationToken ct)
    {
        var journal = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == view.WorkflowInstanceId)
            .OrderBy(j => j.Sequence)
            .Select(j => new { j.Timestamp, j.EventName, j.ActivityType, j.ActivityName, j.ActivityId, j.Message, j.PayloadJson })
            .ToListAsync(ct);
        if (journal.Count == 0) return [];
        var root = journal[0].ActivityId; // the first line is the root flowchart starting
        var tasks = view.OpenTasks.Concat(view.DoneTasks).ToDictionary(t => t.Id);
        var filings = view.Filings.ToDictionary(f => f.Id);
        string Say(string chinese, string english) => text.IsChinese ? chinese : english;

        var entries = new List<TimelineEntry>();
        foreach (var j in journal)
        {
            var name = string.IsNullOrWhiteSpace(j.ActivityName) ? j.ActivityId : j.ActivityName;
            if (DomainEvents.TryGetValue(j.EventName, out var domain))
            {
                var payload = j.PayloadJson is null ? null : JsonNode.Parse(j.PayloadJson) as JsonObject;
                var who = payload?["taskId"]?.GetValue<string>() is { } taskId && tasks.TryGetValue(taskId, out var task) && j.EventName == "TaskCompleted" ? task.CompletedBy
                    : payload?["filingId"]?.GetValue<string>() is { } filingId && filings.TryGetValue(filingId, out var filing) && j.EventName == "FilingRecorded" ? filing.RecordedBy
                    : null;
                // The receipt number is what an officer quotes when asked whether a filing was made.
                var receipt = j.EventName == "FilingRecorded" ? payload?["receiptNumber"]?.GetValue<string>() : null;
                entries.Add(new(j.Timestamp, domain.Kind, $"{Say(domain.Chinese, domain.English)}：{j.Message}"
                    + (string.IsNullOrWhiteSpace(receipt) ? "" : Say($"，回执号 {receipt}", $", receipt {receipt}"))
                    + (who is null ? "" : Say($"（{who}）", $" ({who})"))));
                continue;
            }
            var entry = (j.EventName, j.ActivityId == root) switch
            {
                (JournalEvents.Started, true) => new TimelineEntry(j.Timestamp, "workflow-started", Say($"启动办理程序“{view.ProcedureName}”", $"Procedure “{view.ProcedureName}” started")),
                (JournalEvents.Completed, true) => new TimelineEntry(j.Timestamp, "workflow-finished", Say("办理程序结束", "Procedure finished")),
                (JournalEvents.Canceled, true) => new TimelineEntry(j.Timestamp, "workflow-cancelled", Say("办理程序已撤销", "Procedure cancelled")),
                (JournalEvents.Faulted, _) => new TimelineEntry(j.Timestamp, "step-faulted", Say($"步骤“{name}”出错：{j.Message}", $"Step “{name}” failed: {j.Message}")),
                (JournalEvents.Completed, false) when IsListedStep(j.ActivityType) => new TimelineEntry(j.Timestamp, "step-completed", Say($"执行步骤“{name}”", $"Step “{name}” run")),
                _ => null,
            };
            if (entry is not null) entries.Add(entry);
        }
        return entries;
    }
}
