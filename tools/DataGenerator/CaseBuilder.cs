using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Notifications.Reminders;
using Workflows.Host.Persistence;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Cases;
using Workflows.PropertyManagement.Compounds;
using Workflows.PropertyManagement.Filings;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Tasks;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Execution;

namespace Workflows.Tools.DataGenerator;

/// <summary>A published definition version that generated instances point at.</summary>
internal sealed record PublishedVersion(string VersionId, string DefinitionId, int Version, string? Name);

/// <summary>
/// Lays down one case as the procedures leave it: the instance, its tasks one after another (each opened, maybe claimed,
/// completed or still open, overdue when its due date passed first), the filing after the last step, the bookmarks and
/// timers of what is still open, the journal, the reminders (fired before the subject closed, cancelled after, pending
/// while open) and the outbox rows of the fired ones (email and SMS, sent).
/// </summary>
internal sealed class CaseBuilder(Random random, SeededIds ids, District district, IReadOnlyDictionary<string, PublishedVersion> versions,
    GeneratorOptions options)
{
    private static readonly string[] Complaints =
        ["电梯长期停运", "楼道堆放杂物", "小区噪声扰民", "公共收益不公开", "地下车库漏水", "绿化被毁", "物业费上涨未表决", "监控设施损坏", "垃圾清运不及时", "外墙脱落"];

    private static readonly (string Stage, int DaysBefore)[] Stages = [("reminder-5d", 5), ("reminder-1d", 1), ("due-today", 0), ("overdue-urge", -1)];

    private static readonly TimeSpan SendAt = TimeSpan.FromHours(9);

    private DateTimeOffset Now => options.Now;

    public void Build(RowBatch rows)
    {
        var shape = ProcedureShapes.Draw(random);
        var compound = district.Compounds[random.Next(district.Compounds.Count)];
        var version = versions[shape.Procedure];
        // Most cases started in the past years and are finished; a recent share is still under way.
        var startedAt = random.NextDouble() < 0.82
            ? Now - TimeSpan.FromDays(20 + random.NextDouble() * (options.Years * 365 - 20))
            : Now - TimeSpan.FromDays(random.NextDouble() * 45);
        var cancelAtStep = random.NextDouble() < 0.03 ? random.Next(shape.Steps.Count) : -1;
        var caseId = ids.At(startedAt);
        var instanceId = ids.At(startedAt);
        var procedureName = ProcedureCatalog.Find(shape.Procedure)!.Name;
        var @case = new Case(caseId, shape.Procedure, compound.Id, instanceId, $"{compound.Name}：{procedureName}", startedAt)
        {
            InputJson = Input(shape.Procedure, startedAt),
            StartedBy = District.OfficerOf(district.OfficeFor(Actor.StreetOffice, compound)),
        };
        rows.Cases.Add(@case);

        var journal = new Journal(rows, ids, instanceId);
        var state = new WorkflowState
        {
            Id = instanceId, DefinitionId = version.DefinitionId, DefinitionVersionId = version.VersionId, DefinitionVersion = version.Version,
            CorrelationId = caseId, Name = version.Name, Status = WorkflowStatus.Running, SubStatus = WorkflowSubStatus.Suspended, CreatedAt = startedAt,
            Properties = { [CaseContext.CaseIdProperty] = caseId, [CaseContext.CompoundIdProperty] = compound.Id },
        };
        journal.Add(startedAt, "Workflow1", "Elsa.Flowchart", JournalEvents.WorkflowStarted, null);

        var at = startedAt;
        var open = false;
        var cancelled = false;
        var taken = shape.AlwaysTaken;
        while (taken < shape.Steps.Count && random.NextDouble() < shape.EscalationShare) taken++;
        for (var s = 0; s < taken && !open && !cancelled; s++)
        {
            var step = shape.Steps[s];
            // Most steps end within their period; some run past it, and about one in eight stalls for a long while.
            var factor = random.NextDouble() < 0.12 ? 1.15 + random.NextDouble() * 3 : 0.05 + random.NextDouble() * 1.1;
            var end = at + TimeSpan.FromDays(step.Days * factor);
            cancelled = s == cancelAtStep && end <= Now;
            open = end > Now;
            AddTask(rows, journal, state, @case, compound, shape, step, s, at, open ? null : end, cancelled);
            at = end;
        }
        if (!open && !cancelled && shape.Filing is { } filing)
        {
            var filedAt = at + TimeSpan.FromDays(filing.Days * (0.1 + random.NextDouble() * 1.2));
            open = filedAt > Now;
            AddFiling(rows, journal, state, @case, compound, filing, at, open ? null : filedAt);
            at = filedAt;
        }

        if (!open)
        {
            state.Status = WorkflowStatus.Finished;
            state.SubStatus = cancelled ? WorkflowSubStatus.Cancelled : WorkflowSubStatus.Finished;
            state.FinishedAt = at;
            journal.Add(at, "Workflow1", "Elsa.Flowchart", JournalEvents.WorkflowFinished, cancelled ? "案件撤销" : null);
        }
        state.UpdatedAt = open ? journal.Last : at;
        state.LogSequence = journal.Sequence;
        rows.Instances.Add(new InstanceRecord
        {
            Id = instanceId, DefinitionId = version.DefinitionId, DefinitionVersionId = version.VersionId, Version = version.Version,
            Name = version.Name, CorrelationId = caseId, Status = state.Status.ToString(), SubStatus = state.SubStatus.ToString(),
            CreatedAt = startedAt, UpdatedAt = state.UpdatedAt, FinishedAt = state.FinishedAt, Revision = 1 + journal.Bursts,
            StateJson = JsonSerializer.Serialize(state, DefinitionJson.Options),
        });
    }

    private string Input(string procedure, DateTimeOffset startedAt)
    {
        var today = ChinaTime.ToLocalDate(startedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var input = procedure switch
        {
            ProcedureCatalog.ComplaintEscalation => new JsonObject { ["complaint"] = Complaints[random.Next(Complaints.Length)], ["channel"] = "12345" },
            ProcedureCatalog.ContractFiling => new JsonObject { ["signedOn"] = today },
            ProcedureCatalog.HandoverInspectionFiling => new JsonObject { ["handoverOn"] = today },
            ProcedureCatalog.StarRating => new JsonObject { ["year"] = ChinaTime.ToLocalDate(startedAt).Year },
            ProcedureCatalog.UnlawfulDecisionCorrection => new JsonObject { ["decision"] = "业主大会关于公共收益分配的决定" },
            _ => [],
        };
        return input.ToJsonString();
    }

    private void AddTask(RowBatch rows, Journal journal, WorkflowState state, Case @case, Compound compound, ProcedureShape shape, Step step, int index,
        DateTimeOffset openedAt, DateTimeOffset? endedAt, bool cancelled)
    {
        var office = district.OfficeFor(step.Role, compound);
        var nodeId = $"Workflow1:step{index + 1}";
        var bookmarkId = ids.At(openedAt);
        var task = new OfficerTask(ids.At(openedAt), @case.Id, @case.WorkflowInstanceId, bookmarkId, "Pm.OfficerTask", step.Title, step.Role,
            office.Id, office.Name, openedAt)
        {
            CompoundId = compound.Id, Instructions = $"请在{step.Days}日内办理：{step.Title}。", Period = $"{step.Days}日",
            ReminderDays = [5, 1, 0], Outcomes = [.. step.Outcomes],
        };
        var countedFrom = ChinaTime.ToLocalDate(openedAt);
        task.CountedFrom = countedFrom;
        task.DueDate = countedFrom.AddDays(step.Days);
        task.DueAt = ChinaTime.StartOfDay(task.DueDate.Value.AddDays(1));
        task.DueExplanation = $"自{countedFrom:yyyy-MM-dd}起算{step.Days}日，至{task.DueDate:yyyy-MM-dd}届满。";
        journal.Add(openedAt, nodeId, "Pm.OfficerTask", "TaskOpened", $"派发任务“{step.Title}”给{office.Name}，{task.DueDate:yyyy-MM-dd}前办理");

        var closesAt = endedAt ?? Now;
        if (random.NextDouble() < 0.7 || endedAt is not null && !cancelled)
            task.Claim(District.OfficerOf(office), openedAt + (closesAt - openedAt) * 0.1);
        var overdue = task.DueAt < closesAt;
        if (overdue)
        {
            task.MarkOverdue(task.DueAt.Value);
            journal.Add(task.DueAt.Value, nodeId, "Pm.OfficerTask", "TaskOverdue", $"任务“{step.Title}”已逾期");
        }
        if (endedAt is { } end)
        {
            if (cancelled)
            {
                task.Cancel("案件撤销", end);
            }
            else
            {
                var outcome = step.Outcomes[random.Next(step.Outcomes.Count)];
                var form = shape.Procedure == ProcedureCatalog.StarRating && step.Role == Actor.DistrictHousingBureau
                    ? new JsonObject { ["score"] = Math.Round(60 + random.NextDouble() * 35, 1), ["disqualified"] = random.NextDouble() < 0.03 }.ToJsonString()
                    : null;
                task.Complete(outcome, form, task.ClaimedBy, null, end);
                journal.Add(end, nodeId, "Pm.OfficerTask", "TaskCompleted", $"{office.Name}办结“{step.Title}”：{outcome}");
            }
        }
        rows.Tasks.Add(task);
        rows.Activities.Add(Activity(state.Id, nodeId, "Pm.OfficerTask", step.Title, openedAt, endedAt));
        var timerBookmark = ids.At(openedAt);
        rows.Timers.Add(new TimerRecord
        {
            BookmarkId = timerBookmark, InstanceId = state.Id, DueAt = task.DueAt.Value, CreatedAt = openedAt,
            Status = overdue ? TimerStatus.Fired : endedAt is null ? TimerStatus.Pending : TimerStatus.Cancelled,
            FiredAt = overdue ? task.DueAt : null,
        });
        if (endedAt is null)
        {
            Bookmark(rows, state, bookmarkId, "Pm.OfficerTask", nodeId, openedAt, null);
            if (!overdue) Bookmark(rows, state, timerBookmark, "Pm.OfficerTask:Overdue", nodeId, openedAt, task.DueAt);
        }
        Reminders(rows, "Task", task.Id, @case, task.DueDate.Value, openedAt, endedAt, office, office.Email, office.Mobile, office.Name);
    }

    private void AddFiling(RowBatch rows, Journal journal, WorkflowState state, Case @case, Compound compound, FilingStep step, DateTimeOffset openedAt,
        DateTimeOffset? filedAt)
    {
        var (name, email, mobile) = district.Party(step.Responsible, compound);
        var authority = district.OfficeFor(step.Authority, compound);
        var nodeId = "Workflow1:filing";
        var countedFrom = ChinaTime.ToLocalDate(openedAt);
        var dueDate = countedFrom.AddDays(step.Days);
        var dueAt = ChinaTime.StartOfDay(dueDate.AddDays(1));
        var bookmarkId = ids.At(openedAt);
        var filing = new Filing(ids.At(openedAt), @case.Id, @case.WorkflowInstanceId, bookmarkId, step.Type, step.Responsible, name, step.Authority,
            authority.Id, countedFrom, dueDate, dueAt, openedAt)
        {
            CompoundId = compound.Id, Title = step.Type.ChineseName(), ResponsibleEmail = email, ResponsibleMobile = mobile, Period = $"{step.Days}日",
            DueExplanation = $"自{countedFrom:yyyy-MM-dd}起算{step.Days}日，至{dueDate:yyyy-MM-dd}届满。", ReminderDays = [5, 1, 0],
        };
        journal.Add(openedAt, nodeId, "Pm.FilingWindow", "FilingOpened", $"{name}应于{dueDate:yyyy-MM-dd}前向{authority.Name}办理{step.Type.ChineseName()}");
        var closesAt = filedAt ?? Now;
        var overdue = dueAt < closesAt;
        if (overdue)
        {
            filing.MarkOverdue(dueAt);
            journal.Add(dueAt, nodeId, "Pm.FilingWindow", "FilingOverdue", $"{step.Type.ChineseName()}已逾期");
        }
        if (filedAt is { } at)
        {
            var filedOn = ChinaTime.ToLocalDate(at);
            filing.Record(filedOn, $"BA{filedOn:yyyyMMdd}{random.Next(10_000):0000}", District.OfficerOf(authority), at);
            journal.Add(at, nodeId, "Pm.FilingWindow", "FilingRecorded", $"{authority.Name}登记{step.Type.ChineseName()}，回执号{filing.ReceiptNumber}");
        }
        rows.Filings.Add(filing);
        rows.Activities.Add(Activity(state.Id, nodeId, "Pm.FilingWindow", step.Type.ChineseName(), openedAt, filedAt));
        var timerBookmark = ids.At(openedAt);
        rows.Timers.Add(new TimerRecord
        {
            BookmarkId = timerBookmark, InstanceId = state.Id, DueAt = dueAt, CreatedAt = openedAt,
            Status = overdue ? TimerStatus.Fired : filedAt is null ? TimerStatus.Pending : TimerStatus.Cancelled, FiredAt = overdue ? dueAt : null,
        });
        if (filedAt is null)
        {
            Bookmark(rows, state, bookmarkId, "Pm.FilingWindow", nodeId, openedAt, null);
            if (!overdue) Bookmark(rows, state, timerBookmark, "Pm.FilingWindow:Overdue", nodeId, openedAt, dueAt);
        }
        Reminders(rows, "Filing", filing.Id, @case, dueDate, openedAt, filedAt, authority, email, mobile, name);
    }

    private static void Bookmark(RowBatch rows, WorkflowState state, string id, string name, string nodeId, DateTimeOffset at, DateTimeOffset? resumeAt)
    {
        rows.Bookmarks.Add(new BookmarkRecord
        {
            Id = id, InstanceId = state.Id, Name = name, ActivityNodeId = nodeId, ActivityInstanceId = nodeId + ":1", CreatedAt = at, ResumeAt = resumeAt,
        });
        state.Bookmarks.Add(new Runtime.Execution.Bookmark
        {
            Id = id, Name = name, ActivityId = nodeId, ActivityNodeId = nodeId, ActivityInstanceId = nodeId + ":1", CreatedAt = at, ResumeAt = resumeAt,
        });
    }

    private ActivityExecutionRow Activity(string instanceId, string nodeId, string type, string name, DateTimeOffset startedAt, DateTimeOffset? completedAt) => new()
    {
        Id = ids.At(startedAt), InstanceId = instanceId, ActivityId = nodeId, ActivityNodeId = nodeId, ActivityType = type, ActivityTypeVersion = 1,
        ActivityName = name, Status = completedAt is null ? "Running" : "Completed", StartedAt = startedAt, CompletedAt = completedAt,
        HasBookmarks = completedAt is null,
    };

    /// <summary>
    /// The reminder stages of one deadline at 09:00 China time: fired (with an email and an SMS sent) if they came before
    /// the subject closed, cancelled if it closed first, pending while it is open. The 催办 goes to the office above.
    /// </summary>
    private void Reminders(RowBatch rows, string kind, string subjectId, Case @case, DateOnly dueDate, DateTimeOffset openedAt, DateTimeOffset? closedAt,
        Workflows.PropertyManagement.Jurisdictions.Unit office, string? email, string? mobile, string name)
    {
        foreach (var (stage, daysBefore) in Stages)
        {
            var fireAt = ChinaTime.StartOfDay(dueDate.AddDays(-daysBefore)) + SendAt;
            if (fireAt < openedAt) continue;
            var fired = fireAt <= (closedAt ?? Now);
            var template = stage == "overdue-urge" && kind == "Filing" ? "filing-overdue" : stage;
            var key = $"{kind}:{subjectId}:{stage}";
            rows.Reminders.Add(new ReminderRecord
            {
                Id = ids.At(openedAt), Key = key, SubjectKind = kind, SubjectId = subjectId, InstanceId = @case.WorkflowInstanceId, CaseId = @case.Id,
                Stage = stage, TemplateKind = template, DaysBefore = daysBefore, DueAt = fireAt, CreatedAt = openedAt,
                Status = fired ? ReminderStatus.Fired : closedAt is null ? ReminderStatus.Pending : ReminderStatus.Cancelled,
                FiredAt = fired ? fireAt : null, CancelledAt = !fired && closedAt is not null ? closedAt : null,
                ModelJson = new JsonObject { ["title"] = @case.Title, ["dueDate"] = dueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }.ToJsonString(),
                RecipientsJson = "[]",
            });
            if (!fired) continue;
            var (toName, toEmail, toMobile) = stage == "overdue-urge" && kind == "Task"
                ? (district.Supervisor(office).Name, district.Supervisor(office).Email, district.Supervisor(office).Mobile)
                : (name, email, mobile);
            if (toEmail is not null) rows.Outbox.Add(Message(key, "Email", toEmail, toName, template, @case, subjectId, stage, fireAt));
            if (toMobile is not null) rows.Outbox.Add(Message(key, "Sms", toMobile, toName, template, @case, subjectId, stage, fireAt));
        }
    }

    private OutboxMessage Message(string key, string channel, string address, string name, string template, Case @case, string subjectId, string stage,
        DateTimeOffset at) => new()
    {
        Id = ids.At(at), IdempotencyKey = $"reminder:{key}:{channel}:{address.ToLowerInvariant()}", Channel = channel, Recipient = address,
        RecipientName = name, Kind = template, Subject = channel == "Email" ? $"【办理提醒】{@case.Title}" : null,
        Body = $"{name}：{@case.Title}，请按期办理。", InstanceId = @case.WorkflowInstanceId, CaseId = @case.Id, SubjectId = subjectId, Stage = stage,
        Status = OutboxStatus.Sent, Attempts = 1, CreatedAt = at, SentAt = at + TimeSpan.FromSeconds(2), ProviderMessageId = "gen-" + Ids(at),
    };

    private string Ids(DateTimeOffset at) => ids.At(at)[..16];

    /// <summary>The instance's journal lines in order, and how many bursts (saves) they took.</summary>
    private sealed class Journal(RowBatch rows, SeededIds ids, string instanceId)
    {
        public long Sequence { get; private set; }
        public int Bursts { get; private set; }
        public DateTimeOffset Last { get; private set; }

        public void Add(DateTimeOffset at, string nodeId, string type, string eventName, string? message)
        {
            Sequence++;
            if (at != Last) Bursts++;
            Last = at;
            rows.Journal.Add(new JournalRecord
            {
                Id = ids.At(at), InstanceId = instanceId, Sequence = Sequence, ActivityId = nodeId.Split(':')[^1], ActivityType = type, ActivityTypeVersion = 1,
                NodeId = nodeId, Timestamp = at, EventName = eventName, Message = message, ActivityInstanceId = nodeId + ":1",
            });
        }
    }
}
