using System.Security.Cryptography;

namespace Workflows.Host.Web;

/// <summary>
/// The one stylesheet and the one small script of the pages, embedded in the assembly and served by the service
/// (the pages need nothing from outside). Their URLs carry a content hash, so a browser caches them until they change.
/// </summary>
public static class SiteAssets
{
    private const string Folder = "/site-assets/";

    private static readonly Asset Css = Asset.Load("site.css", "text/css; charset=utf-8");
    private static readonly Asset Js = Asset.Load("site.js", "text/javascript; charset=utf-8");
    private static readonly Asset StudioJs = Asset.Load("studio-frame.js", "text/javascript; charset=utf-8");

    public static string StylesheetUrl => Css.Url;
    public static string ScriptUrl => Js.Url;

    /// <summary>The Studio frame's script: the Studio's culture, the element callbacks, the Run button's navigation.</summary>
    public static string StudioFrameScriptUrl => StudioJs.Url;

    public static IEndpointRouteBuilder MapSiteAssets(this IEndpointRouteBuilder app)
    {
        foreach (var asset in new[] { Css, Js, StudioJs })
            app.MapGet(Folder + asset.Name, (HttpContext context) =>
                {
                    context.Response.Headers.CacheControl = context.Request.Query["v"] == asset.Hash ? "public, max-age=31536000, immutable" : "no-cache";
                    return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{asset.Hash}\""));
                })
                .AllowAnonymous()
                .ExcludeFromDescription();
        return app;
    }

    private sealed record Asset(string Name, string ContentType, byte[] Content, string Hash)
    {
        public string Url => $"{Folder}{Name}?v={Hash}";

        public static Asset Load(string name, string contentType)
        {
            using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream("site-assets/" + name)
                               ?? throw new InvalidOperationException($"site-assets/{name} is not embedded in the Host assembly.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            return new Asset(name, contentType, content, Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
        }
    }
}
