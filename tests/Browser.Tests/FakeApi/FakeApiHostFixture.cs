using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Browser.Tests.Fixtures;

namespace Workflows.Browser.Tests.FakeApi;

/// <summary>The real Host with <see cref="FakeElsaApi"/> answering /elsa/api. TEMPORARY, see FakeElsaApi.</summary>
public sealed class FakeApiHostFixture : HostFixture
{
    public FakeElsaApi Api { get; } = new();

    protected override void ConfigureHost(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FakeElsaApiStartupFilter(Api)));
}

[CollectionDefinition(Name)]
public sealed class FakeApiBrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<FakeApiHostFixture>
{
    public const string Name = "Browser with fake API";
}
