using System.Collections.Concurrent;
using System.Net;
using Microsoft.Playwright;

namespace Workflows.Browser.Tests.Fixtures;

/// <summary>A page in its own browser context, with every request and console error recorded.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _consoleErrors = new();

    internal BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        // Context level, so that requests of workers are seen as well.
        context.Request += (_, request) => _requests.Enqueue(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _consoleErrors.Enqueue(message.Text);
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Requests => [.. _requests];

    public IReadOnlyList<string> ConsoleErrors => [.. _consoleErrors];

    /// <summary>Requests that left the machine: anything but loopback HTTP(S) and in-page data/blob URLs.</summary>
    public IReadOnlyList<string> NonLoopbackRequests() => [.. _requests.Where(url => !IsLocal(url))];

    /// <summary>Screenshot to /tmp/studio-{name}.png (for a person to look at; not compared).</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"studio-{name}.png") });

    private static bool IsLocal(string url)
    {
        var uri = new Uri(url);
        if (uri.Scheme is "data" or "blob" or "about")
            return true;
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
