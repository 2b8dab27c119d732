using Microsoft.Data.Sqlite;
using Npgsql;

namespace Workflows.Host.Persistence;

/// <summary>Recognises the few database errors the stores answer differently from a plain failure.</summary>
internal static class DbErrors
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>A unique index or primary key refused a row: someone else wrote it first.</summary>
    public static bool IsUniqueViolation(Exception ex) => Root(ex) switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    /// <summary>
    /// PostgreSQL chose this transaction as a deadlock victim or could not serialise it. Nothing of it was
    /// written, so running it again on fresh state is correct.
    /// </summary>
    public static bool IsRetryable(Exception ex) =>
        Root(ex) is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    private static Exception Root(Exception ex)
    {
        // EF wraps the provider's exception in DbUpdateException; ExecuteUpdate and raw commands do not.
        while (ex is not (PostgresException or SqliteException) && ex.InnerException is { } inner)
            ex = inner;
        return ex;
    }
}
