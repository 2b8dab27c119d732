using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflows.PropertyManagement.Activities;
using Workflows.PropertyManagement.Calendar;
using Workflows.PropertyManagement.Deadlines;
using Workflows.Runtime;

namespace Workflows.PropertyManagement;

public static class PropertyManagementServiceCollectionExtensions
{
    /// <summary>
    /// The property-management activities (palette group 物业管理) and the legal calendar they count with. The host
    /// provides <see cref="Directory.IPropertyDirectory"/>, and may register its own <see cref="LegalCalendar"/>
    /// (with an admin's holiday file) and <see cref="OfficeHours"/> before calling this.
    /// </summary>
    public static IServiceCollection AddPropertyManagement(this IServiceCollection services)
    {
        services.TryAddSingleton(new LegalCalendar(HolidayCalendar.Shipped));
        services.TryAddSingleton(OfficeHours.Default);
        services.TryAddSingleton<DeadlineResolver>();
        services.AddActivity<OfficerTaskActivity>()
            .AddActivity<FilingWindowActivity>()
            .AddActivity<EscalateActivity>()
            .AddActivity<OwnersVoteActivity>()
            .AddActivity<NotifyActivity>()
            .AddActivity<CreditRecordActivity>();
        return services;
    }
}
