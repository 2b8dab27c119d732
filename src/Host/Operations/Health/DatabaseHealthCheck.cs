using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Workflows.Host.Persistence;

namespace Workflows.Host.Operations.Health;

/// <summary>
/// The database answers and every migration of this build is applied. On SQLite the check opens its own
/// connection, outside the pool and without creating a file: a pooled connection keeps working on a file that
/// was moved or deleted, and an ordinary open would create a new empty database in its place.
/// </summary>
internal sealed class DatabaseHealthCheck(WorkflowsDbContext db, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.IsPostgreSql)
        {
            db.Database.SetConnectionString(new SqliteConnectionStringBuilder(options.Value.ConnectionString)
            {
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
            }.ToString());
        }
        try
        {
            var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var missing = db.Database.GetMigrations().Where(m => !applied.Contains(m)).ToList();
            if (missing.Count > 0)
            {
                return new HealthCheckResult(context.Registration.FailureStatus,
                    $"数据库缺少 {missing.Count} 个迁移 / {missing.Count} migrations not applied: {string.Join(", ", missing)}");
            }
            return HealthCheckResult.Healthy($"数据库可用 / reachable ({db.Database.ProviderName}), {applied.Count} migrations applied");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or IOException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "数据库不可用 / database unreachable", ex);
        }
    }
}
