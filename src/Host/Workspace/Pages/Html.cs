using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Workflows.Host.Security;

namespace Workflows.Host.Workspace.Pages;

/// <summary>HTML encoding and the antiforgery field, for the server-rendered pages.</summary>
internal static class Html
{
    public static string E(string? value) => WebUtility.HtmlEncode(value ?? "");

    /// <summary>The hidden antiforgery field every form post needs (validated by the antiforgery middleware).</summary>
    public static string AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{SecuritySetup.FormFieldName}\" value=\"{E(tokens.RequestToken)}\">";
    }

    public static string Selected(bool selected) => selected ? " selected" : "";

    /// <summary>Field errors under a form field; empty when none.</summary>
    public static string Errors(IReadOnlyDictionary<string, string[]>? errors, string field) =>
        errors is not null && errors.TryGetValue(field, out var messages)
            ? string.Concat(messages.Select(m => $"<p class=\"field-error\">{E(m)}</p>"))
            : "";

    public static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        new InlinePage(TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status));

    /// <summary>A page with inline style and script gets the policy that allows them.</summary>
    private sealed class InlinePage(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentSecurityPolicy = Web.SecurityHeaders.InlinePagePolicy;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
