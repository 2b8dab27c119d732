namespace Workflows.Host.Workspace.Audit;

/// <summary>
/// One recorded state change (table <c>AuditEntries</c>). Append-only: the properties have no public setters,
/// <see cref="AppendOnlyGuard"/> refuses to save a changed or removed entry, and on SQLite and PostgreSQL a
/// trigger refuses UPDATE and DELETE as well.
/// </summary>
public sealed class AuditEntry
{
    public AuditEntry(DateTimeOffset at, AuditActor actor, string action, string resourceType, string? resourceId,
        string? beforeJson, string? afterJson, string? correlationId, string? requestId, string? remoteIp)
    {
        At = at;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        ActorName = actor.Name;
        Action = action;
        ResourceType = resourceType;
        ResourceId = resourceId;
        BeforeJson = beforeJson;
        AfterJson = afterJson;
        CorrelationId = correlationId;
        RequestId = requestId;
        RemoteIp = remoteIp;
    }

    /// <summary>For EF Core when reading rows.</summary>
    private AuditEntry()
    {
        ActorKind = ActorName = Action = ResourceType = "";
    }

    public long Id { get; private set; }

    /// <summary>UTC, from the service's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary><see cref="AuditActor.Kinds"/>: user, api-key, system, anonymous.</summary>
    public string ActorKind { get; private set; }

    /// <summary>The user id; null for API keys, the system and unknown user names.</summary>
    public string? ActorId { get; private set; }

    /// <summary>The user name, the API key's name, or what the system part was (e.g. <c>create-admin</c>).</summary>
    public string ActorName { get; private set; }

    /// <summary>One of <see cref="AuditActions"/> (others may add their own: <c>task.complete</c>, <c>filing.record</c>).</summary>
    public string Action { get; private set; }

    public string ResourceType { get; private set; }
    public string? ResourceId { get; private set; }
    public string? BeforeJson { get; private set; }
    public string? AfterJson { get; private set; }

    /// <summary>The caller's <c>X-Correlation-Id</c>, else the W3C trace id of the request.</summary>
    public string? CorrelationId { get; private set; }

    /// <summary>ASP.NET Core's request id (also in the request log).</summary>
    public string? RequestId { get; private set; }

    public string? RemoteIp { get; private set; }
}

/// <summary>Who made a change.</summary>
public sealed record AuditActor(string Kind, string? Id, string Name)
{
    public static class Kinds
    {
        public const string User = "user";
        public const string ApiKey = "api-key";
        public const string System = "system";
        public const string Anonymous = "anonymous";
    }

    public static AuditActor User(string id, string name) => new(Kinds.User, id, name);

    public static AuditActor ApiKey(string name) => new(Kinds.ApiKey, null, name);

    /// <summary>A part of the service acting on its own (start-up import, a command line command).</summary>
    public static AuditActor System(string what) => new(Kinds.System, null, what);

    /// <summary>Someone not signed in, e.g. a failed sign-in under a user name that does not exist.</summary>
    public static AuditActor Anonymous(string name) => new(Kinds.Anonymous, null, name);
}
