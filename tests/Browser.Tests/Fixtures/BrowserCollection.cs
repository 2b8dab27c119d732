namespace Workflows.Browser.Tests.Fixtures;

/// <summary>Browser tests share one Chromium and one Host and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<HostFixture>
{
    public const string Name = "Browser";
}
