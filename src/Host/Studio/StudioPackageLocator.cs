using System.Reflection;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Studio;

/// <summary>Finds the node_modules folder that <c>Studio.targets</c> installed the npm packages into.</summary>
internal static class StudioPackageLocator
{
    /// <summary>Assembly metadata written by Studio.targets: the absolute node_modules path of the build.</summary>
    public const string BuildMetadataKey = "Workflows.Studio.NodeModulesPath";

    /// <summary>Configured path if set; else the content root's Studio/npm/node_modules if it has the package; else the build's folder.</summary>
    public static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, contentRoot);

        var underContentRoot = Path.Combine(contentRoot, "Studio", "npm", "node_modules");
        if (HasStudio(underContentRoot))
            return underContentRoot;

        var fromBuild = typeof(StudioPackageLocator).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == BuildMetadataKey)?.Value;
        return string.IsNullOrEmpty(fromBuild) ? underContentRoot : Path.GetFullPath(fromBuild);
    }

    public static string StudioFolder(string nodeModules) =>
        Path.Combine(nodeModules, "@elsa-workflows", "elsa-studio-wasm");

    public static string RobotoFolder(string nodeModules) => Path.Combine(nodeModules, "@fontsource", "roboto");

    public static bool HasStudio(string nodeModules) =>
        File.Exists(Path.Combine(StudioFolder(nodeModules), "_framework", "blazor.webassembly.js"));
}

/// <summary>Fails the start when the Studio package is missing, instead of serving pages that never load.</summary>
internal sealed class StudioOptionsValidator : IValidateOptions<StudioOptions>
{
    public ValidateOptionsResult Validate(string? name, StudioOptions options)
    {
        if (options.NodeModulesPath is null || !StudioPackageLocator.HasStudio(options.NodeModulesPath))
        {
            return ValidateOptionsResult.Fail(
                $"Elsa Studio files not found under '{options.NodeModulesPath}'. Build src/Host (its build runs npm ci in " +
                $"src/Host/Studio/npm) or set {StudioOptions.SectionName}:{nameof(StudioOptions.NodeModulesPath)}.");
        }
        if (options.PublicUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            return ValidateOptionsResult.Fail(
                $"{StudioOptions.SectionName}:{nameof(StudioOptions.PublicUrl)} must be an absolute http(s) URL such as https://wuye.example.gov.cn, not '{url}'.");
        }

        return ValidateOptionsResult.Success;
    }
}
