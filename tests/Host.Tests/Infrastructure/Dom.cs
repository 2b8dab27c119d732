using AngleSharp;
using AngleSharp.Dom;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>Pages parsed into a DOM (AngleSharp), so tests ask for elements, not patterns in markup.</summary>
public static class Dom
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(string html) => await Context.OpenAsync(request => request.Content(html));

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) => await ParseAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string path) => await ParseAsync(await client.GetStringAsync(path));

    /// <summary>The trimmed text of the one element <paramref name="selector"/> finds; fails when there is none.</summary>
    public static string Text(this IParentNode node, string selector) =>
        (node.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"no element matches '{selector}'")).TextContent.Trim();

    /// <summary>The texts of the main menu's links.</summary>
    public static IReadOnlyList<string> MenuTexts(this IDocument page) =>
        [.. page.QuerySelectorAll("header nav a").Select(a => a.TextContent.Trim())];
}
