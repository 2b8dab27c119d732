using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workflows.Runtime.Engine;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.Persistence;

public static class PersistenceSetup
{
    public static IServiceCollection AddWorkflowsPersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.Section))
            .PostConfigure(o => o.ConnectionString = ResolveConnectionString(configuration, o, contentRoot))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        // Both contexts are registered and the switch is read when a context is first needed, after the
        // configuration is complete and validated; each provider's context type carries its own migrations.
        services.AddDbContext<SqliteWorkflowsDbContext>((sp, options) =>
            options.UseSqlite(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddDbContext<PostgreSqlWorkflowsDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString));
        services.AddScoped<WorkflowsDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgreSql
            ? sp.GetRequiredService<PostgreSqlWorkflowsDbContext>()
            : sp.GetRequiredService<SqliteWorkflowsDbContext>());
        // The process-wide cache of compiled published graphs is forgotten on every definition write of this process;
        // in a cluster another host's publish would not reach it, so there each scope (request, job) gets its own.
        services.AddSingleton<ProcessGraphCache>();
        services.Replace(ServiceDescriptor.Scoped(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgreSql
            ? new WorkflowGraphCache()
            : sp.GetRequiredService<ProcessGraphCache>().Graphs));
        services.AddScoped<IWorkflowDefinitionStore, EfDefinitionStore>();
        services.AddScoped<IWorkflowInstanceStore, EfInstanceStore>();
        services.AddSingleton<IEffectWriter, EmailEffectWriter>();
        return services;
    }

    private static string ResolveConnectionString(IConfiguration configuration, DatabaseOptions options, string contentRoot)
    {
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (options.IsPostgreSql) return "";
        var folder = Path.GetFullPath(Path.Combine(contentRoot, options.DataPath));
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "workflows.db") }.ToString();
    }

    /// <summary>Creates the database if needed and applies pending migrations; WAL keeps readers off writers' backs.</summary>
    public static async Task MigrateAsync(WorkflowsDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await PostgreSqlMigration.MigrateAsync(db, ct);
            return;
        }
        if (db.Database.IsSqlite())
        {
            var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } folder)
                Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(ct);
        await Workspace.Audit.AppendOnlyTriggers.EnsureAsync(db, ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }
}

/// <summary>The one graph cache of a host on its own database (SQLite).</summary>
internal sealed class ProcessGraphCache
{
    public WorkflowGraphCache Graphs { get; } = new();
}
