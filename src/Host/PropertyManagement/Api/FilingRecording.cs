using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Filings;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.PropertyManagement.Api;

public sealed record RecordFilingRequest(string? FiledOn, string? ReceiptNumber);

/// <summary>Records that a filing was made: resumes the filing window, which decides Filed or FiledLate.</summary>
internal sealed class FilingRecording(WorkflowsDbContext db, WorkflowRuntime runtime, ResumeRehearsal rehearsal, TimeProvider clock)
{
    public const int MaxReceiptLength = 64;

    public abstract record Result;

    public sealed record Recorded(FilingView Filing) : Result;

    public sealed record NotFound : Result;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Result;

    public sealed record Conflict(string Message) : Result;

    /// <summary>The next steps cannot be computed now (e.g. an uncovered holiday year); nothing was stored.</summary>
    public sealed record Blocked(string Message) : Result;

    /// <summary>Records the filing if the caller acts for its authority (the unit that receives it); else, as for a missing one, <see cref="NotFound"/>.</summary>
    public async Task<Result> RecordForAuthorityAsync(string filingId, RecordFilingRequest request, UnitGuard guard, string? by, CancellationToken ct)
    {
        var unitId = await db.Set<Filing>().AsNoTracking().Where(f => f.Id == filingId).Select(f => f.AuthorityUnitId).FirstOrDefaultAsync(ct);
        if (unitId is null || !await guard.CanActAsync("filing", filingId, unitId, ct)) return new NotFound();
        return await RecordAsync(filingId, request, by, ct);
    }

    public async Task<Result> RecordAsync(string filingId, RecordFilingRequest request, string? by, CancellationToken ct)
    {
        var filing = await db.Set<Filing>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == filingId, ct);
        if (filing is null) return new NotFound();
        var errors = new Dictionary<string, string[]>();
        var today = ChinaTime.ToLocalDate(clock.GetUtcNow());
        if (string.IsNullOrWhiteSpace(request.FiledOn))
            errors["filedOn"] = ["请填写备案日期（YYYY-MM-DD）。"];
        else if (!DateOnly.TryParseExact(request.FiledOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var filedOn))
            errors["filedOn"] = [$"“{request.FiledOn}”不是日期，应为 YYYY-MM-DD。"];
        else if (filedOn > today)
            errors["filedOn"] = [$"备案日期 {request.FiledOn} 晚于今天（{Views.Date(today)}）。"];
        else if (filing.CountedFrom <= filing.DueDate && filedOn < filing.CountedFrom)
            // A date before the window opened would turn a late filing into an on-time one (and a credit record with it).
            errors["filedOn"] = [$"备案日期 {request.FiledOn} 早于备案期限的起算日（{Views.Date(filing.CountedFrom)}），应在 {Views.Date(filing.CountedFrom)} 至今天之间。"];
        else if (CaseInputLimits.DateProblem(filedOn, "备案日期") is { } outOfRange)
            // A window counted back from a later date ("N days before …") has no start to check against; at least the
            // date must be a plausible one.
            errors["filedOn"] = [outOfRange];
        if (request.ReceiptNumber is { Length: > MaxReceiptLength })
            errors["receiptNumber"] = [$"回执编号不能超过 {MaxReceiptLength} 个字符。"];
        if (errors.Count > 0) return new Invalid(errors);
        if (!filing.IsOpen) return new Conflict($"“{filing.Title}”已于 {Views.Date(filing.FiledOn)} 登记备案（{Views.Name(filing.Status)}）。");

        var input = new JsonObject
        {
            ["filedOn"] = request.FiledOn!.Trim(),
            ["receiptNumber"] = string.IsNullOrWhiteSpace(request.ReceiptNumber) ? null : request.ReceiptNumber.Trim(),
            ["by"] = by,
        };
        if (await rehearsal.ProblemAsync(filing.WorkflowInstanceId, filing.BookmarkId, input, ct) is { } problem)
            return new Blocked($"无法登记“{filing.Title}”：{problem}");
        try
        {
            await runtime.ResumeAsync(filing.WorkflowInstanceId, filing.BookmarkId, input, ct);
        }
        catch (Exception ex) when (ex is BookmarkNotFoundException or ConcurrencyConflictException)
        {
            return new Conflict($"“{filing.Title}”已由其他操作处理，请刷新后查看。");
        }
        var fresh = await db.Set<Filing>().AsNoTracking().FirstAsync(f => f.Id == filingId, ct);
        return new Recorded(FilingView.From(fresh));
    }
}
