using System.Collections.Concurrent;
using System.Net;
using Microsoft.Playwright;

namespace Workflows.Browser.Tests.Fixtures;

/// <summary>
/// A page in its own browser context, with every request, every console error and every failed
/// <c>/elsa/api</c> answer (status 400 or more) recorded.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _failedApiCalls = new();

    internal BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        // Context level, so that requests of workers are seen as well.
        context.Request += (_, request) => _requests.Enqueue(request.Url);
        context.Response += (_, response) =>
        {
            if (response.Status >= 400 && IsElsaApi(response.Url))
                _failedApiCalls.Enqueue($"{response.Status} {response.Request.Method} {response.Url}");
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _consoleErrors.Enqueue(message.Text);
        };
        page.PageError += (_, error) => _consoleErrors.Enqueue("page error: " + error);
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Requests => [.. _requests];

    public IReadOnlyList<string> ConsoleErrors => [.. _consoleErrors];

    /// <summary>Answers of <c>/elsa/api</c> with status 400 or more, as "status method url".</summary>
    public IReadOnlyList<string> FailedApiCalls => [.. _failedApiCalls];

    /// <summary>Requests that left the machine: anything but loopback HTTP(S) and in-page data/blob URLs.</summary>
    public IReadOnlyList<string> NonLoopbackRequests() => [.. _requests.Where(url => !IsLocal(url))];

    /// <summary>Waits until the page's load calls are done (no request for 500 ms), then <see cref="AssertNoErrorsAsync"/>.</summary>
    public async Task AssertLoadedWithoutErrorsAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = StudioUi.StepTimeout });
        await AssertNoErrorsAsync();
    }

    /// <summary>
    /// What every Studio page must show: no console error, no failed API call, and Blazor's
    /// "unhandled error" bar hidden.
    /// </summary>
    public async Task AssertNoErrorsAsync()
    {
        Assert.True(ConsoleErrors.Count == 0, "Console errors:\n" + string.Join("\n", ConsoleErrors));
        Assert.True(FailedApiCalls.Count == 0, "Failed /elsa/api calls:\n" + string.Join("\n", FailedApiCalls));
        Assert.False(await Page.Locator("#blazor-error-ui").IsVisibleAsync(), "Blazor's unhandled-error bar is shown.");
    }

    /// <summary>Screenshot to /tmp/studio-{name}.png (for a person to look at; not compared).</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"studio-{name}.png") });

    private static bool IsElsaApi(string url) => new Uri(url).AbsolutePath.StartsWith("/elsa/api/", StringComparison.Ordinal);

    private static bool IsLocal(string url)
    {
        var uri = new Uri(url);
        if (uri.Scheme is "data" or "blob" or "about")
            return true;
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
