using Serilog;
using Workflows.Host.Clock;
using Workflows.Host.Definitions;
using Workflows.Host.Diagnostics;
using Workflows.Host.District;
using Workflows.Host.ElsaApi;
using Workflows.Host.Http;
using Workflows.Host.Notifications;
using Workflows.Host.Notifications.Admin;
using Workflows.Host.Notifications.Senders;
using Workflows.Host.Operations;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement;
using Workflows.Host.Scheduling;
using Workflows.Host.Security;
using Workflows.Host.Studio;
using Workflows.Host.Web;
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
        // Bounds of workflow expressions (README: "Expressions are bounded").
        services.AddOptions<Runtime.Expressions.ExpressionOptions>().Bind(configuration.GetSection("Expressions"));
        services.AddOptions<Runtime.Expressions.Liquid.LiquidOptions>().Bind(configuration.GetSection("Expressions:Liquid"));
        services.AddOptions<Runtime.Expressions.JavaScriptOptions>().Bind(configuration.GetSection("Expressions:JavaScript"));
        services.AddWorkflowsPersistence(configuration, builder.Environment.ContentRootPath);
        services.AddOptions<DefinitionFolderOptions>().Bind(configuration.GetSection(DefinitionFolderOptions.Section));
        services.AddScoped<DefinitionFolderImporter>();
        services.AddWorkflowsScheduling(configuration);
        // Hosted services start in registration order: the migrations run before Data Protection's hosted
        // service (registered with the security schemes) reads the key ring from its table.
        services.AddSingleton<ReadinessState>();
        services.AddHostedService<StartupTasks>();
        services.AddWorkflowsSecurity(configuration);
        services.AddElsaApi(configuration);
        services.AddPropertyManagementHost(configuration, builder.Environment);
        services.AddWorkspace(configuration, builder.Environment);
        services.AddDistrictAdministration();
        services.AddWorkflowsSchedulingServer();
        services.AddMessageSenders(configuration);
        services.AddNotifications(configuration);
        services.AddStudio(configuration);
        services.AddWebPages();
        services.AddProblemDetails();
        services.AddRequestHandling(configuration);
        services.AddOperations(configuration);
        return builder;
    }

    public static WebApplication UseWorkflowsHost(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        app.UseWebPages();
        app.UseExceptionHandler();
        app.UseRequestSizeLimits();
        app.UseStatusCodePages();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseJsonBodyCheck();
        app.MapElsaApi();
        app.MapNotificationApi();
        app.MapStudio();
        app.MapPropertyManagementApi();
        app.MapWorkspace();
        app.MapWebPages();
        app.MapOperations();
        app.MapDistrictAdministration();
        if (app.Environment.IsDevelopment())
            app.MapDevClock();
        return app;
    }
}
