using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workflows.Browser.Tests.Fixtures;

/// <summary>Signing in as a demo user of Development (password <see cref="DemoPassword"/>), in a page or in an HttpClient.</summary>
public static partial class SignIn
{
    public const string DemoPassword = "Demo@2026!";

    /// <summary>Through the login form, as a person does; waits until the form has gone.</summary>
    public static async Task AsAsync(IPage page, string userName, string password = DemoPassword)
    {
        if (!page.Url.Contains("/account/login", StringComparison.Ordinal))
            await page.GotoAsync("account/login");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Through the login form posted with the context's request API (no page load): the context keeps the cookie.</summary>
    public static async Task AsAsync(IBrowserContext context, string userName, string password = DemoPassword)
    {
        var page = await (await context.APIRequest.GetAsync("account/login")).TextAsync();
        var form = context.APIRequest.CreateFormData();
        form.Set("userName", userName);
        form.Set("password", password);
        form.Set("__RequestVerificationToken", WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value));
        var response = await context.APIRequest.PostAsync("account/login", new() { Form = form, MaxRedirects = 0 });
        if (response.Status != 302)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {response.Status}");
    }

    /// <summary>An HttpClient with the user's cookie (redirects not followed).</summary>
    public static async Task<HttpClient> ClientAsync(Uri baseAddress, string userName, string password = DemoPassword)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
        };
        var page = await client.GetStringAsync("account/login");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);
        using var response = await client.PostAsync("account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName, ["password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
