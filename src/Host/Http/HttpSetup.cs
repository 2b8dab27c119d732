using Microsoft.Extensions.Options;

namespace Workflows.Host.Http;

/// <summary>How the service answers requests it cannot read: 400/413/415 problem bodies, never a 500.</summary>
internal static class HttpSetup
{
    public static IServiceCollection AddRequestHandling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestLimitsOptions>().Bind(configuration.GetSection(RequestLimitsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RequestLimitsOptions>, RequestLimitsOptionsValidator>();
        // Binding failures throw in every environment (the default throws only in Development and answers a bare
        // 400 elsewhere), so that BadRequestExceptionHandler names the field in both.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return services;
    }
}
