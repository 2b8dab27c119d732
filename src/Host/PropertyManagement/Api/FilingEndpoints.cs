using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Officers;
using Workflows.PropertyManagement.Filings;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary><c>/api/filings</c>: record that a filing was made (the receipt's date decides on time or late).</summary>
internal static class FilingEndpoints
{
    public static RouteGroupBuilder MapFilings(this RouteGroupBuilder api)
    {
        api.MapPost("/filings/{filingId}/record", RecordAsync).WithSummary("登记备案（受理机关） / Record a filing (its authority)").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<FilingView>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        string filingId, RecordFilingRequest? request, FilingRecording recording, HttpContext http, WorkflowsDbContext db, UnitGuard guard,
        CancellationToken ct)
    {
        // The authority that receives the filing records it.
        var unitId = await db.Set<Filing>().AsNoTracking().Where(f => f.Id == filingId).Select(f => f.AuthorityUnitId).FirstOrDefaultAsync(ct);
        if (unitId is null || !await guard.CanActAsync("filing", filingId, unitId, ct))
            return ApiResults.NotFound("filingId", $"备案“{filingId}”不存在。");
        var result = await recording.RecordAsync(filingId, request ?? new RecordFilingRequest(null, null), http.User.Identity?.Name, ct);
        return result switch
        {
            FilingRecording.Recorded r => TypedResults.Ok(r.Filing),
            FilingRecording.NotFound => ApiResults.NotFound("filingId", $"备案“{filingId}”不存在。"),
            FilingRecording.Invalid i => ApiResults.Invalid(i.Errors),
            FilingRecording.Conflict c => ApiResults.Conflict(c.Message),
            FilingRecording.Blocked b => ApiResults.Unprocessable(b.Message),
            _ => throw new InvalidOperationException($"Unexpected result {result}."),
        };
    }
}
