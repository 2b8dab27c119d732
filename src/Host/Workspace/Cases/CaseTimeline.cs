using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Runtime.Execution;

namespace Workflows.Host.Workspace.Cases;

/// <summary>One line of a case's history: when, what kind (for styling and tests), and the sentence.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Text);

/// <summary>
/// A case's history in plain words, from the workflow journal (the procedure started and finished, each named step
/// run) and the case's tasks, escalations, filings and votes, oldest first.
/// </summary>
internal sealed class CaseTimeline(WorkflowsDbContext db)
{
    /// <summary>Journal rows of these activity types are the engine's scaffolding, not steps an officer recognises.</summary>
    private static readonly HashSet<string> Scaffolding = new(StringComparer.Ordinal) { "Elsa.Flowchart", "Elsa.Workflow", "Elsa.Sequence" };

    public async Task<IReadOnlyList<TimelineEntry>> BuildAsync(CaseView view, CaseText text, CancellationToken ct)
    {
        var journal = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == view.WorkflowInstanceId
                        && (j.EventName == JournalEvents.WorkflowStarted || j.EventName == JournalEvents.WorkflowFinished
                            || j.EventName == JournalEvents.Completed || j.EventName == JournalEvents.Faulted))
            .OrderBy(j => j.Sequence)
            .Select(j => new { j.Timestamp, j.EventName, j.ActivityType, j.ActivityName, j.ActivityId, j.Message })
            .ToListAsync(ct);
        var entries = new List<TimelineEntry>();
        foreach (var j in journal)
        {
            var name = string.IsNullOrWhiteSpace(j.ActivityName) ? j.ActivityId : j.ActivityName;
            switch (j.EventName)
            {
                case JournalEvents.WorkflowStarted:
                    entries.Add(new(j.Timestamp, "workflow-started", Say(text, $"启动办理程序“{view.ProcedureName}”", $"Procedure “{view.ProcedureName}” started")));
                    break;
                case JournalEvents.WorkflowFinished:
                    entries.Add(new(j.Timestamp, "workflow-finished", Say(text, "办理程序结束", "Procedure finished")));
                    break;
                case JournalEvents.Faulted:
                    entries.Add(new(j.Timestamp, "step-faulted", Say(text, $"步骤“{name}”出错：{j.Message}", $"Step “{name}” failed: {j.Message}")));
                    break;
                default:
                    if (Scaffolding.Contains(j.ActivityType) || string.IsNullOrWhiteSpace(j.ActivityName)) break;
                    entries.Add(new(j.Timestamp, "step-completed", Say(text, $"完成步骤“{name}”", $"Step “{name}” done")));
                    break;
            }
        }

        foreach (var t in view.OpenTasks.Concat(view.DoneTasks))
        {
            entries.Add(t.EscalatedFrom is not null
                ? new(t.CreatedAt, "task-escalated", Say(text, $"逾期未办结，上报至{t.Unit.Name}：“{t.Title}”，期限 {t.DueDate}",
                    $"Escalated to {t.Unit.Name}: “{t.Title}”, due {t.DueDate}"))
                : new(t.CreatedAt, "task-opened", Say(text, $"向{t.Unit.Name}派发任务“{t.Title}”" + (t.DueDate is null ? "" : $"，期限 {t.DueDate}"),
                    $"Task “{t.Title}” for {t.Unit.Name}" + (t.DueDate is null ? "" : $", due {t.DueDate}"))));
            if (t.CompletedAt is { } done)
                entries.Add(t.Status == "Done"
                    ? new(done, "task-completed", Say(text, $"{t.CompletedBy ?? t.Unit.Name}办结任务“{t.Title}”" + (t.Outcome is null ? "" : $"：{t.Outcome}"),
                        $"{t.CompletedBy ?? t.Unit.Name} completed “{t.Title}”" + (t.Outcome is null ? "" : $": {t.Outcome}")))
                    : new(done, "task-cancelled", Say(text, $"任务“{t.Title}”已取消", $"Task “{t.Title}” cancelled")));
        }

        foreach (var f in view.Filings)
        {
            entries.Add(new(f.CreatedAt, "filing-opened", Say(text,
                $"开始计算备案期限：“{f.Title}”自 {f.CountedFrom} 起算，应于 {f.DueDate} 前向{f.AuthorityName}备案（{f.ResponsibleName}）",
                $"Filing “{f.Title}” counted from {f.CountedFrom}, due {f.DueDate} with {f.AuthorityName} ({f.ResponsibleName})")));
            if (f.OverdueAt is { } overdue)
                entries.Add(new(overdue, "filing-overdue", Say(text, $"“{f.Title}”逾期未备案", $"“{f.Title}” is overdue")));
            if (f.FiledOn is not null && f.RecordedAt is { } recorded)
                entries.Add(new(recorded, "filing-recorded", Say(text,
                    $"{f.RecordedBy ?? f.AuthorityName}登记备案“{f.Title}”：{f.FiledOn} 备案，{f.StatusName}" + (f.ReceiptNumber is null ? "" : $"，回执 {f.ReceiptNumber}"),
                    $"{f.RecordedBy ?? f.AuthorityName} recorded “{f.Title}”: filed {f.FiledOn}, {f.Status}" + (f.ReceiptNumber is null ? "" : $", receipt {f.ReceiptNumber}"))));
        }

        return [.. entries.OrderBy(e => e.At)];
    }

    private static string Say(CaseText text, string chinese, string english) => text.IsChinese ? chinese : english;
}
