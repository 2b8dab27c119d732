using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Persistence;
using Workflows.Host.Workspace.Officers;

namespace Workflows.Host.Workspace.Tasks;

/// <summary>
/// Operation ids (<c>Idempotency-Key</c> header or <c>operationId</c> in the body): the first answer under an id is
/// stored, and the same id again gets that answer without doing anything. A repeated click or a client retry after
/// a lost response therefore completes (or claims …) a task once.
/// </summary>
internal sealed class TaskOperations(WorkflowsDbContext db, ICurrentOfficer me, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The stored answer, as (status, JSON).</summary>
    public sealed record Answer(int StatusCode, string Json);

    /// <summary>The operation id of the request: the header wins over the body.</summary>
    public static string? IdOf(HttpContext http, string? fromBody)
    {
        var header = http.Request.Headers[Header].ToString();
        var id = string.IsNullOrWhiteSpace(header) ? fromBody : header;
        return string.IsNullOrWhiteSpace(id) ? null : id.Trim();
    }

    /// <summary>Runs <paramref name="operation"/> once per operation id; without an id it simply runs.</summary>
    public async Task<IResult> RunAsync(string? operationId, string taskId, string action, Func<Task<TaskResult>> operation,
        Func<TaskResult, IResult> answer)
    {
        if (operationId is null) return answer(await operation());
        if (operationId.Length > MaxLength)
            return answer(TaskResult.Invalid.Of("operationId", $"操作编号最长 {MaxLength} 个字符。"));
        if (await FindAsync(operationId) is { } stored) return Replay(stored, taskId, action);
        var result = await operation();
        if (result is TaskResult.NotFound or TaskResult.Invalid) return answer(result);
        var (status, body) = result switch
        {
            TaskResult.Done d => (StatusCodes.Status200OK, JsonSerializer.Serialize(d.Value, d.Value.GetType(), Json)),
            TaskResult.Conflict c => (StatusCodes.Status409Conflict, JsonSerializer.Serialize(new { title = c.Message, status = 409 }, Json)),
            TaskResult.Blocked b => (StatusCodes.Status422UnprocessableEntity, JsonSerializer.Serialize(new { title = b.Message, status = 422 }, Json)),
            _ => throw new InvalidOperationException($"Unexpected result {result}."),
        };
        var row = new TaskOperation
        {
            OperationId = operationId, TaskId = taskId, Action = action, Caller = me.Name, StatusCode = status, ResponseJson = body, At = clock.GetUtcNow(),
        };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The same id ran at the same moment and stored its answer first: that one is the answer.
            db.Entry(row).State = EntityState.Detached;
            if (await FindAsync(operationId) is { } first) return Replay(first, taskId, action);
            throw;
        }
        return answer(result);
    }

    private Task<TaskOperation?> FindAsync(string operationId) =>
        db.Set<TaskOperation>().AsNoTracking().FirstOrDefaultAsync(o => o.OperationId == operationId);

    private IResult Replay(TaskOperation stored, string taskId, string action)
    {
        if (stored.TaskId != taskId || stored.Action != action || stored.Caller != me.Name)
            return PropertyManagement.Api.ApiResults.Invalid("operationId", "该操作编号已用于另一项操作，请使用新的操作编号。");
        return TypedResults.Content(stored.ResponseJson, stored.StatusCode == StatusCodes.Status200OK ? "application/json" : "application/problem+json",
            statusCode: stored.StatusCode);
    }
}
