using System.Net;
using System.Text.Json;
using Workflows.Browser.Tests.Fixtures;

namespace Workflows.Browser.Tests.Admin;

/// <summary>What the Host serves for the Studio, checked over plain HTTP against the real Kestrel.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StudioFilesTests(HostFixture host)
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
    {
        BaseAddress = host.BaseAddress,
    };

    [Fact]
    public async Task Appsettings_point_the_studio_at_this_hosts_api_without_a_trailing_slash()
    {
        var json = await _http.GetStringAsync("admin/appsettings.json");

        // No Studio:PublicUrl here: the path on this host, never an origin taken from the Host header.
        var url = JsonDocument.Parse(json).RootElement.GetProperty("Backend").GetProperty("Url").GetString();
        Assert.Equal("/elsa/api", url);
    }

    [Theory]
    [InlineData("admin/_framework/blazor.webassembly.js", "text/javascript")]
    [InlineData("admin/_framework/dotnet.js", "text/javascript")]
    [InlineData("admin/_content/MudBlazor/MudBlazor.min.css", "text/css")]
    [InlineData("admin/Elsa.Studio.Host.CustomElements.styles.css", "text/css")]
    [InlineData("admin/fonts/roboto/400.css", "text/css")]
    [InlineData("admin/fonts/roboto/files/roboto-latin-400-normal.woff2", "font/woff2")]
    public async Task Studio_files_are_served_with_their_content_type(string path, string contentType)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wasm_and_icu_data_get_their_types_and_precompressed_bodies_when_accepted()
    {
        var wasm = await FirstFrameworkFile(".wasm");
        var icu = await FirstFrameworkFile(".dat");

        using var plain = await _http.GetAsync(wasm);
        Assert.Equal("application/wasm", plain.Content.Headers.ContentType?.MediaType);
        Assert.Empty(plain.Content.Headers.ContentEncoding);

        using var request = new HttpRequestMessage(HttpMethod.Get, wasm);
        request.Headers.AcceptEncoding.ParseAdd("br");
        using var brotli = await _http.SendAsync(request);
        Assert.Equal("application/wasm", brotli.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.True(brotli.Content.Headers.ContentLength < plain.Content.Headers.ContentLength);

        using var data = await _http.GetAsync(icu);
        Assert.Equal("application/octet-stream", data.Content.Headers.ContentType?.MediaType);

        using var direct = await _http.GetAsync(wasm + ".br");
        Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
    }

    [Theory]
    [InlineData("admin/index.html")]
    [InlineData("admin/_framework/missing.js")]
    [InlineData("admin/_content/../package.json")]
    public async Task Other_package_files_are_not_served(string path)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_editors_run_navigation_target_redirects_to_the_instance_page()
    {
        using var admin = await SignIn.ClientAsync(host.BaseAddress, "admin");
        using var response = await admin.GetAsync("admin/workflows/instances/i-42/view");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/instances/i-42", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_signed_in_admins_page_hands_the_endpoint_and_no_api_key_to_the_studio_elements()
    {
        using var admin = await SignIn.ClientAsync(host.BaseAddress, "admin");
        var html = await admin.GetStringAsync("admin/definitions/def%201");

        var api = new Uri(host.BaseAddress, "elsa/api").ToString();
        Assert.Contains($"<elsa-backend-provider remote-endpoint=\"{api}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("api-key", html, StringComparison.Ordinal);
        Assert.Contains("definition-id=\"def 1\"", html, StringComparison.Ordinal);
        Assert.Contains("<base href=\"/admin/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_requested_with_an_api_key_hands_the_configured_studio_key_on()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "admin/definitions");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", HostFixture.ApiKey);
        using var response = await _http.SendAsync(request);

        Assert.Contains($"api-key=\"{HostFixture.ApiKey}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_of_an_admin_page_is_sent_to_the_login_page()
    {
        using var response = await _http.GetAsync("admin/definitions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private async Task<string> FirstFrameworkFile(string extension)
    {
        // Names carry content hashes; take them from the boot manifest instead of hard-coding.
        var dotnetJs = await _http.GetStringAsync("admin/_framework/dotnet.js");
        var match = System.Text.RegularExpressions.Regex.Match(dotnetJs, $"\"name\": \"([^\"]+\\{extension})\"");
        Assert.True(match.Success, $"no {extension} file in the boot manifest");
        return "admin/_framework/" + match.Groups[1].Value;
    }
}
