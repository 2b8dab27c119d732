using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Browser.Tests.Fixtures;

/// <summary>
/// The real Host (its Program) in this process on real Kestrel at http://127.0.0.1:{free port}, so a
/// browser can reach it. Environment Development, Studio API key <see cref="ApiKey"/>. Subclass and
/// override <see cref="ConfigureHost"/> to change services or settings for a group of tests.
/// </summary>
public class HostFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ApiKey = "browser-test-key";

    public HostFixture() =>
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>A fresh folder for this host's database and logs, deleted at the end.</summary>
    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("workflows-browser-").FullName;

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
        builder.UseSetting("Studio:ApiKey", ApiKey);
        builder.UseSetting("Workflows:DataPath", DataDirectory);
        builder.UseSetting("Logging:Path", Path.Combine(DataDirectory, "logs"));
        ConfigureHost(builder);
    }

    /// <summary>Hook for subclasses; the base does nothing.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder builder)
    {
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
