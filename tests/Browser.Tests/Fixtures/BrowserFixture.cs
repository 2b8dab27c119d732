using Microsoft.Playwright;

namespace Workflows.Browser.Tests.Fixtures;

/// <summary>
/// One headless Debian Chromium (<c>/usr/bin/chromium</c>, installed by scripts/install-test-deps.sh)
/// driven through Playwright, shared by the browser tests. Playwright's own browser download is never
/// used: the driver (node + package) ships inside the Microsoft.Playwright NuGet package.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/install-test-deps.sh.");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A fresh context (own cookies and localStorage) for <paramref name="host"/>, signed in as
    /// <paramref name="userName"/> (a demo user; null: nobody), and a page; the recorder sees every request.
    /// </summary>
    /// <summary>A phone held upright (iPhone 12-15 size).</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>A wide office screen.</summary>
    public static readonly ViewportSize Wide = new() { Width = 1440, Height = 900 };

    public async Task<BrowserPage> NewPageAsync(HostFixture host, string? userName = "admin", ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            Locale = "zh-CN",
        });
        // The Studio downloads ~35 MB and starts .NET in the page: give a loaded 2-core machine time.
        context.SetDefaultTimeout(60_000);
        if (userName is not null)
            await host.SignInAsync(context, userName);
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
