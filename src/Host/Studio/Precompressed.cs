using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Workflows.Host.Studio;

/// <summary>
/// Serves the package's precompressed siblings (<c>.br</c>, <c>.gz</c>) when the browser accepts them:
/// rewrites the request path before the static file middleware and sets Content-Encoding.
/// The compressed files are never served under their own names.
/// </summary>
internal static class Precompressed
{
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    public static string StripEncodingSuffix(string path) =>
        path.EndsWith(".br", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? path[..^3]
            : path;

    public static Func<HttpContext, RequestDelegate, Task> Middleware(IFileProvider files) => (context, next) =>
    {
        var path = context.Request.Path.Value ?? "";
        if (!string.Equals(StripEncodingSuffix(path), path, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var hasVariant = false;
        foreach (var (encoding, suffix) in Encodings)
        {
            if (!files.GetFileInfo(path + suffix).Exists)
                continue;
            hasVariant = true;
            if (!Accepts(context.Request, encoding))
                continue;
            context.Request.Path = path + suffix;
            context.Response.Headers.ContentEncoding = encoding;
            break;
        }

        if (hasVariant)
            context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        return next(context);
    };

    private static bool Accepts(HttpRequest request, string encoding)
    {
        var values = request.GetTypedHeaders().AcceptEncoding;
        return values.Any(v => v.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && (v.Quality ?? 1) > 0);
    }
}
