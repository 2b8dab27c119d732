using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Workflows.Notifications.Tests.Infrastructure;

/// <summary>A request as the stub received it: the bytes on the wire, before any interpretation.</summary>
public sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// An HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) standing in for an SMS provider. The handler
/// checks the request as the provider would and writes a provider-shaped answer; every request is recorded.
/// </summary>
public sealed class ProviderStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private ProviderStub(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The base address to configure as the provider's endpoint, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Endpoint { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public static async Task<ProviderStub> StartAsync(Func<RecordedRequest, HttpResponse, Task> handle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ProviderStub? stub = null;
        app.Run(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var recorded = new RecordedRequest(context.Request.Method, context.Request.Path, headers, buffer.ToArray());
            stub!._requests.Enqueue(recorded);
            await handle(recorded, context.Response);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        stub = new ProviderStub(app, new Uri(address.TrimEnd('/') + "/"));
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
