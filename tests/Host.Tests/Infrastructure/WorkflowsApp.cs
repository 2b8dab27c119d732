using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Workflows.Host.Clock;

namespace Workflows.Host.Tests.Infrastructure;

/// <summary>
/// The real Host in-process: SQLite file in a fresh folder, the real Hangfire server, and a fake clock that
/// tests move (through <c>/api/dev/clock/advance</c> or <see cref="Clock"/>). Create a second app on the
/// same <see cref="DataPath"/> to simulate a restart.
/// </summary>
public sealed class WorkflowsApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "dev-api-key";

    /// <summary>2026-09-25 09:00 in China: a Friday before the National Day holidays, handy for deadline tests.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 9, 25, 1, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="environment">Development (default: demo district and demo users) or Production (nothing seeded).</param>
    /// <param name="services">Test replacements of services (e.g. a recording logger).</param>
    public WorkflowsApp(string? dataPath = null, string? definitionsPath = null, DateTimeOffset? start = null,
        IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        _environment = environment;
        _services = services;
        DataPath = dataPath ?? TempFolder.Create("data");
        DefinitionsPath = definitionsPath ?? TempFolder.Create("definitions");
        Clock = new FakeTimeProvider(start ?? DefaultStart);
        _settings = new Dictionary<string, string?>
        {
            ["Workflows:DataPath"] = DataPath,
            ["Definitions:Path"] = DefinitionsPath,
            ["Logging:Path"] = Path.Combine(DataPath, "logs"),
            // Request logs of hundreds of test requests would bury the test results in CI's output.
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Every test signs in from the one in-process client address; the throttle's own tests set the shipped limits.
            ["Security:SignInThrottle:PerAddress"] = "10000",
            ["Security:SignInThrottle:PerUserName"] = "10000",
        };
        // Production refuses to start without Smtp:Host unless email is disabled on purpose: test hosts that give no
        // SMTP server run with email off (a test of that refusal sets Smtp:Disabled=false).
        if (environment == "Production") _settings["Smtp:Disabled"] = "true";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
    }

    public string DataPath { get; }
    public string DefinitionsPath { get; }
    public FakeTimeProvider Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.RemoveAll<IClockControl>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IClockControl>(new FakeClockControl(Clock));
            _services?.Invoke(services);
        });
    }

    /// <summary>A client that sends the development API key.</summary>
    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        return client;
    }

    /// <summary>Moves the service's clock through the rehearsal endpoint, which fires what became due.</summary>
    public async Task<int> AdvanceAsync(HttpClient client, int days = 0, int hours = 0, int minutes = 0)
    {
        var response = await client.PostAsJsonAsync("/api/dev/clock/advance", new { days, hours, minutes });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["fired"]!.GetValue<int>();
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    private sealed class FakeClockControl(FakeTimeProvider clock) : IClockControl
    {
        public DateTimeOffset Now => clock.GetUtcNow();

        public void Advance(TimeSpan delta) => clock.Advance(delta);
    }
}

public static class TempFolder
{
    public static string Create(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "workflows-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
