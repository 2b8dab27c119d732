using Microsoft.Extensions.Options;
using Workflows.Host.Persistence;
using Workflows.Host.PropertyManagement.Api;
using Workflows.Host.Workspace.Tasks;
using Workflows.Host.PropertyManagement.Calendar;
using Workflows.Host.PropertyManagement.Demo;
using Workflows.Host.PropertyManagement.Persistence;
using Workflows.Host.Security;
using Workflows.PropertyManagement;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Deadlines;
using Workflows.PropertyManagement.Directory;
using Workflows.Runtime.Persistence;

namespace Workflows.Host.PropertyManagement;

/// <summary>The statutory procedures in the Host: registers on EF, the legal calendar from configuration, the cases API.</summary>
public static class PropertyManagementSetup
{
    /// <summary>Register after the start-up tasks: the demo seeder needs the migrated database.</summary>
    public static IServiceCollection AddPropertyManagementHost(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<CalendarOptions>()
            .Bind(configuration.GetSection(CalendarOptions.Section))
            .PostConfigure(o => o.ContentRoot = environment.ContentRootPath)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalendarOptions>, CalendarOptionsValidator>();
        services.AddSingleton(sp => new LegalCalendar(sp.GetRequiredService<IOptions<CalendarOptions>>().Value.LoadHolidays()));
        services.AddSingleton(sp => CalendarOptions.TryParseClosing(sp.GetRequiredService<IOptions<CalendarOptions>>().Value.OfficeClosing, out var closing)
            ? new OfficeHours(closing)
            : OfficeHours.Default);
        services.AddPropertyManagement();

        services.AddSingleton<IPropertyDirectory, EfPropertyDirectory>();
        services.AddSingleton<IEffectWriter, CaseEffectWriter>();
        services.AddSingleton<IEffectWriter, TaskEffectWriter>();
        services.AddSingleton<IEffectWriter, FilingEffectWriter>();
        services.AddSingleton<IEffectWriter, RecordEffectWriter>();
        services.AddSingleton<IEffectWriter, NotificationEffectWriter>();
        services.AddSingleton<IRunCommittedObserver, TaskCancellationObserver>();

        services.AddScoped<CaseStarter>();
        services.AddOptions<CaseInputOptions>().BindConfiguration(CaseInputOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<CaseQueries>();
        services.AddScoped<ResumeRehearsal>();
        services.AddScoped<TaskCompletion>();
        services.AddScoped<FilingRecording>();
        services.AddSingleton<HolidayYearStore>();
        services.AddScoped<HolidayYearEntry>();
        services.AddHostedService<HolidayCalendarRefresher>();
        if (environment.IsDevelopment())
        {
            services.AddHostedService<DemoDistrictSeeder>();
            services.AddHostedService<DemoHolidayYear>();
        }
        return services;
    }

    /// <summary>
    /// The service's own API under <c>/api</c>: API keys and signed-in people; each handler scopes what it shows
    /// and changes to the caller's units (<see cref="Workspace.Officers.UnitGuard"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapPropertyManagementApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api")
            .RequireAuthorization(Policies.Officer)
            .WithTags("物业管理")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .MapCases()
            .MapCompounds()
            .MapTasks()
            .MapFilings()
            .MapLegalCalendar();
        app.MapHolidayCalendar();
        return app;
    }
}
