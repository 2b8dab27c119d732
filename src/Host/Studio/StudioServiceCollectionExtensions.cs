using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Studio;

internal static class StudioServiceCollectionExtensions
{
    /// <summary>Registers the admin pages that host Elsa Studio: options (section <c>Studio</c>) and credentials.</summary>
    public static IServiceCollection AddStudio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StudioOptions>()
            .Bind(configuration.GetSection(StudioOptions.SectionName))
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.NodeModulesPath = StudioPackageLocator.Resolve(options.NodeModulesPath, environment.ContentRootPath))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StudioOptions>, StudioOptionsValidator>());
        services.TryAddSingleton<IStudioCredentials, SessionStudioCredentials>();
        return services;
    }
}
