using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Workspace;

/// <summary>A browser-like client of the in-process Host: cookies kept, redirects not followed, forms with their antiforgery token.</summary>
public sealed class Session : IDisposable
{
    /// <summary>The password of every demo user (Development).</summary>
    public const string DemoPassword = "Demo@2026!";

    /// <summary>What a browser sends with a fetch from the service's own pages.</summary>
    public const string Origin = "http://localhost";

    private Session(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static Session Anonymous(WorkflowsApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Signs in through the login form; fails the test unless it succeeds.</summary>
    public static async Task<Session> SignInAsync(WorkflowsApp app, string userName, string password = DemoPassword)
    {
        var session = Anonymous(app);
        var response = await session.SignInAttemptAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    public async Task<HttpResponseMessage> SignInAttemptAsync(string userName, string password) =>
        await PostFormAsync("/account/login", "/account/login", new() { ["userName"] = userName, ["password"] = password });

    /// <summary>GETs <paramref name="pagePath"/> for a fresh antiforgery token, then posts the form to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, string action, Dictionary<string, string> fields)
    {
        var page = await Client.GetPageAsync(pagePath);
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token in a form on {pagePath}");
        fields["__RequestVerificationToken"] = token;
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", Origin);
        return await Client.SendAsync(request);
    }

    /// <summary>A fetch from the service's own pages (same origin), with an optional JSON body.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? origin = Origin)
    {
        var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, MediaTypeHeaderValue.Parse("application/json"));
        if (origin is not null) request.Headers.Add("Origin", origin);
        return Client.SendAsync(request);
    }

    public void Dispose() => Client.Dispose();
}
