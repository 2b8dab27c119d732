using Microsoft.AspNetCore.Antiforgery;

namespace Workflows.Host.Workspace.Pages;

/// <summary>
/// Every form post of the pages must carry the antiforgery token. ASP.NET Core enforces it by itself only for
/// endpoints that bind form fields; this filter enforces it for all of them (sign out, lock, unlock …).
/// </summary>
internal static class FormPosts
{
    public static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (await antiforgery.IsRequestValidAsync(http)) return await next(context);
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FormPosts))
                .LogWarning("Refused a form post to {Path} without a valid antiforgery token from {UserName}", http.Request.Path.Value, http.User.Identity?.Name);
            return TypedResults.Problem(title: "表单已过期，请刷新页面后重试 / The form has expired; reload the page and try again.",
                statusCode: StatusCodes.Status400BadRequest);
        });
}
