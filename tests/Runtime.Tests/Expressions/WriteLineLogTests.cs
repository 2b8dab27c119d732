using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflows.Runtime.Execution;
using Workflows.Runtime.Tests.Harness;

namespace Workflows.Runtime.Tests.Expressions;

/// <summary>A WriteLine once wrote a 100 MB log line; the log gets a bounded excerpt, the journal the text.</summary>
public sealed class WriteLineLogTests
{
    [Fact]
    public async Task A_long_WriteLine_text_is_logged_truncated_with_its_length()
    {
        var log = new CapturingLoggerFactory();
        using var harness = new RuntimeHarness(services => services.AddSingleton<ILoggerFactory>(log));
        var text = string.Concat(Enumerable.Repeat("很长的一行文字。", 5000));

        var result = await harness.RunAsync(Fixture.Definition("script.json", json =>
            Fixture.Activity(json, "script")["text"] = Fixture.Input("String", "Literal", text)));

        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
        Assert.Equal(text, result.Journal.Lines()[0]);
        var line = Assert.Single(log.Messages, m => m.StartsWith("WriteLine script:", StringComparison.Ordinal));
        Assert.True(line.Length < 600, $"{line.Length} characters logged");
        Assert.EndsWith("（共 40000 个字符 / 40000 characters）", line, StringComparison.Ordinal);
    }

    private sealed class CapturingLoggerFactory : ILoggerFactory, ILogger
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages) return [.. _messages];
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider) { }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages) _messages.Add(formatter(state, exception));
        }

        public void Dispose() { }
    }
}
