using Microsoft.AspNetCore.StaticFiles;

namespace Workflows.Host.Studio;

/// <summary>
/// Content types of the Studio's files. A precompressed sibling (<c>x.wasm.br</c>) gets the type of the
/// file it encodes (<c>application/wasm</c>); its encoding goes in Content-Encoding.
/// </summary>
internal sealed class StudioContentTypes : IContentTypeProvider
{
    private readonly FileExtensionContentTypeProvider _byExtension = new();

    public StudioContentTypes()
    {
        // ICU data (icudt*.dat); ASP.NET's default table does not know .dat.
        _byExtension.Mappings[".dat"] = "application/octet-stream";
    }

    public bool TryGetContentType(string subpath, out string contentType) =>
        _byExtension.TryGetContentType(Precompressed.StripEncodingSuffix(subpath), out contentType!);
}
