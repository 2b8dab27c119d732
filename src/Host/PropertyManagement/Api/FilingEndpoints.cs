using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Host.Workspace.Officers;

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
        string filingId, RecordFilingRequest? request, FilingRecording recording, HttpContext http, UnitGuard guard, CancellationToken ct)
    {
        // The authority that receives the filing records it.
        var result = await recording.RecordForAuthorityAsync(filingId, request ?? new RecordFilingRequest(null, null), guard, http.User.Identity?.Name, ct);
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
