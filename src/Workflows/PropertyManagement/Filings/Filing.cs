using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.PropertyManagement.Filings;

/// <summary>
/// One row of the filings ledger: who must file what with which authority, counted from when, due when, and
/// what happened. The filing window activity waits on <see cref="BookmarkId"/> until the filing is recorded.
/// </summary>
public sealed class Filing
{
    public Filing(string id, string caseId, string workflowInstanceId, string bookmarkId, FilingType type,
        Actor responsibleParty, string responsibleName, Actor authority, string authorityUnitId,
        DateOnly countedFrom, DateOnly dueDate, DateTimeOffset dueAt, DateTimeOffset createdAt)
    {
        Id = id;
        CaseId = caseId;
        WorkflowInstanceId = workflowInstanceId;
        BookmarkId = bookmarkId;
        Type = type;
        ResponsibleParty = responsibleParty;
        ResponsibleName = responsibleName;
        Authority = authority;
        AuthorityUnitId = authorityUnitId;
        CountedFrom = countedFrom;
        DueDate = dueDate;
        DueAt = dueAt;
        CreatedAt = createdAt;
    }

    public string Id { get; private set; }
    public string CaseId { get; private set; }
    public string WorkflowInstanceId { get; private set; }
    public string BookmarkId { get; private set; }
    public string? CompoundId { get; set; }
    public FilingType Type { get; private set; }
    public string? Title { get; set; }

    public Actor ResponsibleParty { get; private set; }
    public string ResponsibleName { get; private set; }
    public string? ResponsibleEmail { get; set; }
    public string? ResponsibleMobile { get; set; }

    /// <summary>Where it is filed.</summary>
    public Actor Authority { get; private set; }

    public string AuthorityUnitId { get; private set; }

    /// <summary>Who receives a copy (e.g. the street office for a contract filed with the housing bureau).</summary>
    public Actor? CopyTo { get; set; }

    public string? Period { get; set; }
    public DateOnly CountedFrom { get; private set; }
    public DateOnly DueDate { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public string? DueExplanation { get; set; }
    public List<int> ReminderDays { get; set; } = [];

    public FilingStatus Status { get; private set; } = FilingStatus.Pending;
    public DateOnly? FiledOn { get; private set; }
    public string? ReceiptNumber { get; private set; }
    public string? RecordedBy { get; private set; }
    public DateTimeOffset? RecordedAt { get; private set; }
    public DateTimeOffset? OverdueAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public long Revision { get; private set; } = 1;

    public bool IsOpen => Status is FilingStatus.Pending or FilingStatus.Overdue;

    /// <summary>Filed on or before the due date (the date on the receipt decides, not when it was recorded).</summary>
    public static bool IsOnTime(DateOnly filedOn, DateOnly dueDate) => filedOn <= dueDate;

    public void Record(DateOnly filedOn, string? receiptNumber, string? by, DateTimeOffset at)
    {
        Expect(nameof(Record), FilingStatus.Pending, FilingStatus.Overdue);
        Status = IsOnTime(filedOn, DueDate) ? FilingStatus.OnTime : FilingStatus.Late;
        FiledOn = filedOn;
        ReceiptNumber = receiptNumber;
        RecordedBy = by;
        RecordedAt = at;
        Revision++;
    }

    public void MarkOverdue(DateTimeOffset at)
    {
        Expect(nameof(MarkOverdue), FilingStatus.Pending);
        Status = FilingStatus.Overdue;
        OverdueAt = at;
        Revision++;
    }

    private void Expect(string transition, params FilingStatus[] allowed)
    {
        if (!allowed.Contains(Status))
            throw new DomainStateException($"Filing {Id} cannot {transition} while {Status} (allowed from {string.Join(", ", allowed)}).");
    }
}
