using System.Globalization;
using Workflows.PropertyManagement.Credit;
using Workflows.PropertyManagement.Filings;
using Workflows.PropertyManagement.Jurisdictions;
using Workflows.PropertyManagement.Tasks;
using Workflows.PropertyManagement.Votes;

namespace Workflows.Host.PropertyManagement.Api;

public sealed record UnitRef(string Id, string Name);

public sealed record TaskView(
    string Id, string CaseId, string Title, string? Instructions, string Role, string RoleName, UnitRef Unit,
    string? EscalatedFrom, string? Period, string? CountedFrom, string? DueDate, DateTimeOffset? DueAt, string? DueExplanation,
    bool Overdue, string Status, string StatusName, string? Outcome, IReadOnlyList<string> Outcomes,
    IReadOnlyList<FormField> FormFields, string? Form, string? CompletedBy, DateTimeOffset? CompletedAt, DateTimeOffset CreatedAt, long Revision)
{
    public static TaskView From(OfficerTask t) => new(
        t.Id, t.CaseId, t.Title, t.Instructions, t.Role.ToString(), t.Role.ChineseName(), new UnitRef(t.UnitId, t.UnitName),
        t.EscalatedFrom?.ToString(), t.Period, Views.Date(t.CountedFrom), Views.Date(t.DueDate), t.DueAt, t.DueExplanation,
        t.OverdueAt is not null, t.Status.ToString(), Views.Name(t.Status), t.Outcome, t.Outcomes, t.FormFields, t.FormJson,
        t.CompletedBy, t.CompletedAt, t.CreatedAt, t.Revision);
}

public sealed record FilingView(
    string Id, string CaseId, string Type, string TypeName, string Title, string ResponsibleParty, string ResponsibleName,
    string Authority, string AuthorityName, string? CopyTo, string? Period, string CountedFrom, string DueDate, DateTimeOffset DueAt,
    string? DueExplanation, string? FiledOn, string? ReceiptNumber, string Status, string StatusName, DateTimeOffset? OverdueAt, long Revision,
    DateTimeOffset CreatedAt, string? RecordedBy, DateTimeOffset? RecordedAt)
{
    public static FilingView From(Filing f) => new(
        f.Id, f.CaseId, f.Type.ToString(), f.Type.ChineseName(), f.Title ?? f.Type.ChineseName(), f.ResponsibleParty.ToString(),
        f.ResponsibleName, f.Authority.ToString(), f.Authority.ChineseName(), f.CopyTo?.ToString(), f.Period,
        Views.Date(f.CountedFrom)!, Views.Date(f.DueDate)!, f.DueAt, f.DueExplanation, Views.Date(f.FiledOn), f.ReceiptNumber,
        f.Status.ToString(), Views.Name(f.Status), f.OverdueAt, f.Revision, f.CreatedAt, f.RecordedBy, f.RecordedAt);
}

public sealed record CreditRecordView(string Id, string? CompanyId, string CompanyName, string Reason, string Source, string RecordedOn)
{
    public static CreditRecordView From(CreditRecord r) =>
        new(r.Id, r.CompanyId, r.CompanyName, r.Reason, r.Source, Views.Date(r.RecordedOn)!);
}

public sealed record VoteView(string Id, string Subject, string Matter, bool Passed, string Result, IReadOnlyList<string> FailedThresholds, string DecidedOn,
    string MatterName, decimal TotalArea, int TotalOwners, decimal ParticipatingArea, int ParticipatingOwners, decimal ApprovingArea, int ApprovingOwners)
{
    public static VoteView From(VoteRecord v) =>
        new(v.Id, v.Subject, v.Matter.ToString(), v.Passed, v.Result, v.FailedThresholds, Views.Date(v.DecidedOn)!,
            v.Matter.ChineseName(), v.TotalArea, v.TotalOwners, v.ParticipatingArea, v.ParticipatingOwners, v.ApprovingArea, v.ApprovingOwners);
}

/// <summary>A coming due date of an open task or filing; negative <see cref="DaysLeft"/> means overdue.</summary>
public sealed record DeadlineView(string Kind, string Id, string Title, string DueDate, int DaysLeft, bool Overdue);

internal static class Views
{
    public static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Name(OfficerTaskStatus status) => status switch
    {
        OfficerTaskStatus.Open => "待办",
        OfficerTaskStatus.Claimed => "办理中",
        OfficerTaskStatus.Done => "已办结",
        _ => "已取消",
    };

    public static string Name(FilingStatus status) => status switch
    {
        FilingStatus.Pending => "待备案",
        FilingStatus.OnTime => "按期备案",
        FilingStatus.Late => "逾期备案",
        _ => "已逾期未备案",
    };
}
