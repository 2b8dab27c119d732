using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workflows.Host.Security;

namespace Workflows.Browser.Tests.Fixtures;

/// <summary>
/// The real Host (its Program) in this process on real Kestrel at http://127.0.0.1:{free port}, so a
/// browser can reach it. Environment Development; its own SQLite file and logs in <see cref="DataDirectory"/>;
/// definitions imported on start from a fresh folder holding this project's test definitions
/// (<c>Definitions/*.json</c>) and the repository's <c>definitions/*.json</c> (the statutory procedures).
/// How the tests authenticate lives here only: <see cref="CreateApiClient"/> for API calls and
/// <see cref="SignInAsync"/> for browser contexts.
/// </summary>
public class HostFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>The key the admin pages hand to the Studio, and the one API calls from the tests send.</summary>
    public const string ApiKey = "browser-test-key";

    /// <summary>The realistic test definition (<c>Definitions/browser-contract-filing.json</c>): Start, WriteLine, a 15-day Delay, FlowDecision, two WriteLines.</summary>
    public const string TestDefinitionId = "browser-contract-filing";

    private readonly string _definitionsDirectory;

    public HostFixture()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _definitionsDirectory = Directory.CreateDirectory(Path.Combine(DataDirectory, "definitions")).FullName;
        // Repository files first, then the test files (which win a name clash).
        var files = RepositoryDefinitionFiles()
            .Concat(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Definitions"), "*.json").Order(StringComparer.Ordinal));
        foreach (var file in files)
            File.Copy(file, Path.Combine(_definitionsDirectory, Path.GetFileName(file)), overwrite: true);
        Definitions = [.. Directory.EnumerateFiles(_definitionsDirectory, "*.json").Order(StringComparer.Ordinal).Select(SeededDefinition.Read)];
    }

    /// <summary>A fresh folder for this host's files (database, logs, definitions), deleted at the end.</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("workflows-browser-").FullName;

    /// <summary>Every definition the host imported on start: the test definition and the repository's procedures.</summary>
    public IReadOnlyList<SeededDefinition> Definitions { get; }

    public SeededDefinition TestDefinition => Definitions.Single(d => d.DefinitionId == TestDefinitionId);

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single().TrimEnd('/') + "/");
        return Task.CompletedTask;
    }

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Workflows:DataPath", DataDirectory);
        builder.UseSetting("Definitions:Path", _definitionsDirectory);
        builder.UseSetting("Logging:Path", Path.Combine(DataDirectory, "logs"));
        // The only key the API accepts in these tests (replaces the development key at index 0).
        builder.UseSetting("Security:ApiKeys:0:Name", "browser-tests");
        builder.UseSetting("Security:ApiKeys:0:Sha256", ApiKeyOptions.Hash(ApiKey));
        builder.UseSetting("Studio:ApiKey", ApiKey);
        // The browser signs in many users from 127.0.0.1; the sign-in throttle's limits are tested in Host.Tests.
        builder.UseSetting("Security:SignInThrottle:PerAddress", "10000");
        builder.UseSetting("Security:SignInThrottle:PerUserName", "10000");
        ConfigureHost(builder);
    }

    /// <summary>Hook for subclasses; the base does nothing.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder builder)
    {
    }

    /// <summary>An HTTP client for this host's <c>/elsa/api</c> with the tests' credentials (relative URIs: <c>elsa/api/…</c>).</summary>
    public HttpClient CreateApiClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        return client;
    }

    /// <summary>
    /// Gives a new browser context a demo user's sign-in cookie (the login form posted through the context's own
    /// request API, which shares its cookies), so that the admin pages and their Studio work as that user.
    /// </summary>
    public Task SignInAsync(IBrowserContext context, string userName = "admin") => SignIn.AsAsync(context, userName);

    /// <summary>Starts an instance through the API (as Studio's Run does) and answers its id.</summary>
    public async Task<string> StartInstanceAsync(string definitionId)
    {
        using var api = CreateApiClient();
        using var response = await api.PostAsJsonAsync($"elsa/api/workflow-definitions/{Uri.EscapeDataString(definitionId)}/execute", new JsonObject());
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("x-elsa-workflow-instance-id").Single();
    }

    /// <summary>
    /// The repository's <c>definitions/*.json</c>, found from the test binaries upwards (the folder that holds
    /// Workflows.sln); none if the folder is missing or empty.
    /// </summary>
    private static IEnumerable<string> RepositoryDefinitionFiles()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Workflows.sln")))
                continue;
            var definitions = Path.Combine(dir.FullName, "definitions");
            return Directory.Exists(definitions)
                ? Directory.EnumerateFiles(definitions, "*.json").Order(StringComparer.Ordinal)
                : [];
        }
        return [];
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
