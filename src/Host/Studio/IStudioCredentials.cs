using Microsoft.Extensions.Options;

namespace Workflows.Host.Studio;

/// <summary>
/// What the admin pages hand to the Studio elements to call <c>/elsa/api</c>. The one place that decides it:
/// today the configured key, later the signed-in session.
/// </summary>
internal interface IStudioCredentials
{
    /// <summary>The API key for the <c>api-key</c> attribute, or null for none.</summary>
    string? ApiKey(HttpContext context);
}

internal sealed class ConfiguredStudioCredentials(IOptions<StudioOptions> options) : IStudioCredentials
{
    public string? ApiKey(HttpContext context) =>
        string.IsNullOrWhiteSpace(options.Value.ApiKey) ? null : options.Value.ApiKey;
}
