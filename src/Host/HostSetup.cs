using Serilog;
using Workflows.Host.Clock;
using Workflows.Host.Definitions;
using Workflows.Host.Diagnostics;
using Workflows.Host.District;
using Workflows.Host.ElsaApi;
using Workflows.Host.Notifications;
using Workflows.Host.Notifications.Admin;
using Workflows.Host.Notifications.Senders;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement;
using Workflows.Host.Scheduling;
using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Workspace;
using Workflows.Runtime;

namespace Workflows.Host;

/// <summary>The composition root, one call per area.</summary>
public static class HostSetup
{
    public static WebApplicationBuilder AddWorkflowsHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.AddWorkflowsLogging();
        if (builder.Environment.IsDevelopment())
        {
            var clock = new RehearsalClock();
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IClockControl>(clock);
        }
        services.AddWorkflowRuntime();
        services.AddWorkflowsPersistence(configuration, builder.Environment.ContentRootPath);
        services.AddOptions<DefinitionFolderOptions>().Bind(configuration.GetSection(DefinitionFolderOptions.Section));
        services.AddScoped<DefinitionFolderImporter>();
        services.AddWorkflowsScheduling(configuration);
        services.AddWorkflowsSecurity(configuration);
        services.AddElsaApi(configuration);
        services.AddSingleton<ReadinessState>();
        services.AddHostedService<StartupTasks>();
        services.AddPropertyManagementHost(configuration, builder.Environment);
        services.AddWorkspace(builder.Environment);
        services.AddDistrictAdministration();
        services.AddWorkflowsSchedulingServer();
        services.AddMessageSenders(configuration);
        services.AddNotifications(configuration);
        services.AddStudio(configuration);
        services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseWorkflowsHost(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealth();
        app.MapElsaApi();
        app.MapNotificationApi();
        app.MapStudio();
        app.MapPropertyManagementApi();
        app.MapWorkspace();
        app.MapDistrictAdministration();
        if (app.Environment.IsDevelopment())
            app.MapDevClock();
        return app;
    }
}
