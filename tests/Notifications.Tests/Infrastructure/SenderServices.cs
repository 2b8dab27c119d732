using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workflows.Host.Notifications.Senders;

namespace Workflows.Notifications.Tests.Infrastructure;

/// <summary>
/// The senders as the Host composes them (<c>AddMessageSenders</c>) from in-memory configuration, with a fixed clock
/// and fixed nonces so every signed request is reproducible.
/// </summary>
public sealed class SenderServices : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 1, 2, 3, TimeSpan.Zero);
    public const string Nonce = "3f1e0c52-7a41-4c0e-9d7b-5b2d3c4e5f60";

    private readonly ServiceProvider _provider;

    public SenderServices(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<INonceSource>(new FixedNonce(Nonce));
        services.AddMessageSenders(configuration);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _provider;

    public IEmailSender Email => _provider.GetRequiredService<IEmailSender>();

    public ISmsSender Sms => _provider.GetRequiredService<ISmsSender>();

    /// <summary>What the host does at start for ValidateOnStart options; throws OptionsValidationException.</summary>
    public void ValidateAsOnStart() => _provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private sealed class FixedNonce(string value) : INonceSource
    {
        public string Next() => value;
    }
}
