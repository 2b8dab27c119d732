using System.Text;

namespace Workflows.Runtime.Expressions.Liquid;

/// <summary>Collects rendered text and stops the render as soon as it would pass the length limit or the time.</summary>
internal sealed class LimitedWriter(RenderBudget budget, string what) : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Append(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Append(value);

    public override void Write(char[] buffer, int index, int count) => Append(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Append(buffer);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Append(buffer.Span);
        return Task.CompletedTask;
    }

    public override string ToString() => _text.ToString();

    private void Append(ReadOnlySpan<char> value)
    {
        budget.CheckTime();
        budget.CheckSize((long)_text.Length + value.Length, what);
        _text.Append(value);
    }
}
