using Microsoft.Extensions.Options;

namespace Workflows.Host.Http;

/// <summary>How large a request body may be; configuration section <c>RequestLimits</c>.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>The Elsa definition routes (<c>/elsa/api/workflow-definitions…</c>): the largest shipped procedure is about 60 KB.</summary>
    public const string DefinitionsPrefix = "/elsa/api/workflow-definitions";

    /// <summary>Bytes a body to <see cref="DefinitionsPrefix"/> may have; default 2 MB.</summary>
    public long DefinitionBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Bytes any other request body may have; default 1 MB (forms and JSON of a few KB are the norm).</summary>
    public long BodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The limit of the route the request is for.</summary>
    public long LimitFor(HttpRequest request) =>
        request.Path.StartsWithSegments(DefinitionsPrefix, StringComparison.OrdinalIgnoreCase) ? DefinitionBodyBytes : BodyBytes;
}

internal sealed class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestLimitsOptions options)
    {
        var errors = new List<string>();
        if (options.BodyBytes < 1024)
            errors.Add($"{RequestLimitsOptions.Section}:{nameof(RequestLimitsOptions.BodyBytes)} must be at least 1024 bytes, not {options.BodyBytes}.");
        if (options.DefinitionBodyBytes < 1024)
            errors.Add($"{RequestLimitsOptions.Section}:{nameof(RequestLimitsOptions.DefinitionBodyBytes)} must be at least 1024 bytes, not {options.DefinitionBodyBytes}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
