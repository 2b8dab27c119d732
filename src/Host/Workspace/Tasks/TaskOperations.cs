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
/// <remarks>
/// The operation row (unique key: the id) is written in the same transaction as the operation it guards, so the
/// database decides which of several concurrent requests with one id does the work: a note, a claim, an extension …
/// run inside a transaction that inserts the row first (a concurrent twin waits on the key, then finds it taken and
/// replays the stored answer); a completion runs a workflow burst, whose own transaction stores the row
/// (<see cref="TaskOperationBurstWriter"/>). Bad input and unknown tasks store nothing, so the id can be used again.
/// </remarks>
internal sealed class TaskOperations(WorkflowsDbContext db, ICurrentOfficer me, TimeProvider clock, PendingTaskOperation pending)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 100;

    /// <summary>The action whose work is a workflow burst (with a transaction of its own).</summary>
    public const string Complete = "complete";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

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
        var row = new TaskOperation { OperationId = operationId, TaskId = taskId, Action = action, Caller = me.Name, At = clock.GetUtcNow() };
        return action == Complete
            ? await RunInBurstAsync(row, operation, answer)
            : await RunInTransactionAsync(row, operation, answer);
    }

    /// <summary>The row and the operation's changes are committed together, or neither.</summary>
    private async Task<IResult> RunInTransactionAsync(TaskOperation row, Func<Task<TaskResult>> operation, Func<TaskResult, IResult> answer)
    {
        TaskResult result;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Add(row);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
                return await ReplayFirstAsync(row);
            }
            result = await operation();
            if (result is TaskResult.Done)
            {
                (row.StatusCode, row.ResponseJson) = Stored(result);
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
                return answer(result);
            }
            // Nothing of a refused operation is kept (the row included); a conflict's answer is remembered below.
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
        }
        return await RememberRefusalAsync(row, result, answer);
    }

    private async Task<IResult> RunInBurstAsync(TaskOperation row, Func<Task<TaskResult>> operation, Func<TaskResult, IResult> answer)
    {
        pending.Row = row;
        TaskResult result;
        try
        {
            result = await operation();
        }
        finally
        {
            pending.Row = null;
        }
        // Done means the burst that stored the row committed; a refusal may be a twin's win (the task is done already).
        if (result is TaskResult.Done) return answer(result);
        if (await FindAsync(row.OperationId) is { } first) return Replay(first, row.TaskId, row.Action);
        return await RememberRefusalAsync(row, result, answer);
    }

    /// <summary>
    /// A conflict or a blocked operation changed nothing; its answer is stored so that a repeat gets the same one.
    /// Bad input and unknown tasks are not stored: the caller corrects the input and tries again with the same id.
    /// </summary>
    private async Task<IResult> RememberRefusalAsync(TaskOperation row, TaskResult result, Func<TaskResult, IResult> answer)
    {
        if (result is TaskResult.NotFound or TaskResult.Invalid) return answer(result);
        (row.StatusCode, row.ResponseJson) = Stored(result);
        db.Add(row);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return await ReplayFirstAsync(row);
        }
        return answer(result);
    }

    /// <summary>The stored form of an answer (status, JSON).</summary>
    internal static (int Status, string Json) Stored(TaskResult result) => result switch
    {
        TaskResult.Done d => (StatusCodes.Status200OK, JsonSerializer.Serialize(d.Value, d.Value.GetType(), Json)),
        TaskResult.Conflict c => (StatusCodes.Status409Conflict, JsonSerializer.Serialize(new { title = c.Message, status = 409 }, Json)),
        TaskResult.Blocked b => (StatusCodes.Status422UnprocessableEntity, JsonSerializer.Serialize(new { title = b.Message, status = 422 }, Json)),
        _ => throw new InvalidOperationException($"Unexpected result {result}."),
    };

    private async Task<IResult> ReplayFirstAsync(TaskOperation mine) =>
        await FindAsync(mine.OperationId) is { } first
            ? Replay(first, mine.TaskId, mine.Action)
            : throw new InvalidOperationException($"Operation {mine.OperationId} was refused as a duplicate but is not stored.");

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

/// <summary>The operation row a completion's burst should store (set by <see cref="TaskOperations"/> for the request).</summary>
internal sealed class PendingTaskOperation
{
    public TaskOperation? Row { get; set; }
}
