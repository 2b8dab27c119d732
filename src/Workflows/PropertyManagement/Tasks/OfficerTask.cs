using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.PropertyManagement.Tasks;

/// <summary>
/// 办理任务: a step an officer of a unit must do by a due date. Opened by a workflow activity, which waits on
/// <see cref="BookmarkId"/>; completing the task resumes it. Every transition bumps <see cref="Revision"/>,
/// so a stale form (another officer acted first) can be refused.
/// </summary>
public sealed class OfficerTask
{
    public OfficerTask(string id, string caseId, string workflowInstanceId, string bookmarkId, string activityType,
        string title, Actor role, string unitId, string unitName, DateTimeOffset createdAt)
    {
        if (!role.IsOffice()) throw new ArgumentException($"Officer tasks go to offices; {role} is not one.", nameof(role));
        Id = id;
        CaseId = caseId;
        WorkflowInstanceId = workflowInstanceId;
        BookmarkId = bookmarkId;
        ActivityType = activityType;
        Title = title;
        Role = role;
        UnitId = unitId;
        UnitName = unitName;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }
    public string CaseId { get; private set; }
    public string WorkflowInstanceId { get; private set; }

    /// <summary>The bookmark that completing the task resumes.</summary>
    public string BookmarkId { get; private set; }

    /// <summary>The activity that opened it (Pm.OfficerTask, Pm.Escalate, Pm.OwnersVote): decides how the form is read.</summary>
    public string ActivityType { get; private set; }

    public string Title { get; private set; }
    public string? Instructions { get; set; }
    public string? CompoundId { get; set; }

    /// <summary>The level that handles it; officers of <see cref="UnitId"/> see it.</summary>
    public Actor Role { get; private set; }

    public string UnitId { get; private set; }
    public string UnitName { get; private set; }

    /// <summary>Set when the task came by escalation: the level it came from.</summary>
    public Actor? EscalatedFrom { get; set; }

    public string? Period { get; set; }
    public DateOnly? CountedFrom { get; set; }
    public DateOnly? DueDate { get; set; }

    /// <summary>The instant the period ends (Civil Code art. 203); the overdue timer fires then.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public string? DueExplanation { get; set; }

    /// <summary>
    /// The period that could not be counted when the task opened (its year had no holiday data yet), kept so that the
    /// due date can be worked out once an admin enters that year. Null once resolved or when there was none.
    /// </summary>
    public PendingDeadline? PendingDeadline { get; set; }

    /// <summary>Reminders so many days before the due date (for the reminders sender).</summary>
    public List<int> ReminderDays { get; set; } = [];

    /// <summary>The outcomes an officer chooses from; empty means the task is simply done.</summary>
    public List<string> Outcomes { get; set; } = [];

    public List<FormField> FormFields { get; set; } = [];

    public OfficerTaskStatus Status { get; private set; } = OfficerTaskStatus.Open;
    public string? Outcome { get; private set; }

    /// <summary>The submitted form as JSON text.</summary>
    public string? FormJson { get; private set; }

    public string? Note { get; private set; }
    public string? ClaimedBy { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? OverdueAt { get; private set; }
    public string? CancelReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long Revision { get; private set; } = 1;

    public bool IsActive => Status is OfficerTaskStatus.Open or OfficerTaskStatus.Claimed;

    public void Claim(string officer, DateTimeOffset at)
    {
        Expect(nameof(Claim), OfficerTaskStatus.Open);
        Status = OfficerTaskStatus.Claimed;
        ClaimedBy = officer;
        ClaimedAt = at;
        Revision++;
    }

    public void Release()
    {
        Expect(nameof(Release), OfficerTaskStatus.Claimed);
        Status = OfficerTaskStatus.Open;
        ClaimedBy = null;
        ClaimedAt = null;
        Revision++;
    }

    public void Complete(string? outcome, string? formJson, string? by, string? note, DateTimeOffset at)
    {
        Expect(nameof(Complete), OfficerTaskStatus.Open, OfficerTaskStatus.Claimed);
        Status = OfficerTaskStatus.Done;
        Outcome = outcome;
        FormJson = formJson;
        CompletedBy = by;
        Note = note;
        CompletedAt = at;
        Revision++;
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        Expect(nameof(Cancel), OfficerTaskStatus.Open, OfficerTaskStatus.Claimed);
        Status = OfficerTaskStatus.Cancelled;
        CancelReason = reason;
        CompletedAt = at;
        Revision++;
    }

    /// <summary>The due instant passed with the task still open; it stays open (the Overdue port is non-interrupting).</summary>
    public void MarkOverdue(DateTimeOffset at)
    {
        Expect(nameof(MarkOverdue), OfficerTaskStatus.Open, OfficerTaskStatus.Claimed);
        OverdueAt ??= at;
        Revision++;
    }

    /// <summary>An approved extension (申请延期): the due date moves; an overdue task cannot be extended.</summary>
    public void Extend(DateOnly dueDate, DateTimeOffset dueAt, string explanation)
    {
        Expect(nameof(Extend), OfficerTaskStatus.Open, OfficerTaskStatus.Claimed);
        if (OverdueAt is not null) throw new DomainStateException($"Task {Id} is overdue and cannot be extended.");
        DueDate = dueDate;
        DueAt = dueAt;
        DueExplanation = string.IsNullOrEmpty(DueExplanation) ? explanation : $"{DueExplanation}；{explanation}";
        Revision++;
    }

    /// <summary>The holiday year the period needed was entered: the task gets the due date it would have had.</summary>
    public void ResolveDeadline(Deadline deadline)
    {
        Expect(nameof(ResolveDeadline), OfficerTaskStatus.Open, OfficerTaskStatus.Claimed);
        if (PendingDeadline is not { } pending) throw new DomainStateException($"Task {Id} has no unresolved deadline.");
        Period = deadline.Period;
        CountedFrom = deadline.CountedFrom;
        DueDate = deadline.DueDate;
        DueAt = deadline.DueAt;
        DueExplanation = string.Join("；", deadline.Explanation);
        ReminderDays = [.. pending.ReminderDays];
        PendingDeadline = null;
        Revision++;
    }

    private void Expect(string transition, params OfficerTaskStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new DomainStateException($"Task {Id} cannot {transition} while {Status} (allowed from {string.Join(", ", allowed)}).");
    }
}
