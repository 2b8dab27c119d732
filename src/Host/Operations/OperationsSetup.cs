using Microsoft.Extensions.Options;
using Workflows.Host.Operations.Backup;
using Workflows.Host.Operations.Health;

namespace Workflows.Host.Operations;

/// <summary>What the people running the service need: the jobs dashboard, health checks, backups.</summary>
public static class OperationsSetup
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SmtpHealthCheck>();
        services.AddSingleton<SmsHealthCheck>();
        services.AddWorkflowsHealthChecks();
        services.AddDatabaseKeyRing();
        services.AddHostedService<DatabaseLease>();
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>();
        services.AddScoped<ScheduledBackup>();
        services.AddHostedService<ScheduledBackupRegistration>();
        return services;
    }

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapWorkflowsHealth();
        app.MapJobsDashboard();
        return app;
    }
}
