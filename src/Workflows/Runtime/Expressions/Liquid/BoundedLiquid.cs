using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;

namespace Workflows.Runtime.Expressions.Liquid;

/// <summary>A parsed Liquid template, ready to render any number of times.</summary>
public sealed class LiquidTemplate
{
    internal LiquidTemplate(IFluidTemplate template) => Template = template;

    internal IFluidTemplate Template { get; }
}

/// <summary>
/// Liquid on Fluid (Elsa's own engine) with every render bounded: Fluid's step and recursion limits, a wall clock, a
/// length limit on the output, on every captured or assigned value and on every filter's result, and a cap on
/// ranges. Output is not HTML-encoded (texts go to the journal, emails and SMS as they are).
/// </summary>
public sealed partial class BoundedLiquid
{
    // A parser is safe to share once built.
    private static readonly FluidParser Parser = new();

    private readonly LiquidOptions _limits;
    private readonly int _maxLength;
    private readonly TemplateOptions _options;

    public BoundedLiquid(LiquidOptions limits, int maxLength)
    {
        _limits = limits;
        _maxLength = maxLength;
        _options = new TemplateOptions
        {
            MaxSteps = limits.MaxSteps,
            MaxRecursion = limits.MaxRecursion,
            CultureInfo = CultureInfo.InvariantCulture,
            Assigned = (name, value, context) => Checked(context, value, $"变量“{name}”"),
            Captured = (name, value, context) => Checked(context, value, $"capture “{name}”的内容"),
        };
        foreach (var (name, filter) in _options.Filters.ToList())
            _options.Filters.AddFilter(name, Bounded(name, filter));
    }

    [GeneratedRegex(@" at \((\d+):(\d+)\)")]
    private static partial Regex Position();

    /// <summary>Parses a template; a syntax error is a <see cref="LiquidTemplateException"/> with the line Fluid reports.</summary>
    public static LiquidTemplate Parse(string text)
    {
        if (!Parser.TryParse(text, out var template, out var error))
        {
            var message = error.Split("\nSource:", 2)[0].Trim();
            var at = Position().Match(message);
            throw new LiquidTemplateException(message, at.Success ? int.Parse(at.Groups[1].Value, CultureInfo.InvariantCulture) : null);
        }
        return new LiquidTemplate(new LimitRewriter().VisitTemplate(template));
    }

    public static bool Parses(string text) => Parser.TryParse(text, out _, out _);

    /// <summary>
    /// Renders with the model's values (strings, numbers, booleans, dictionaries and lists of them) as globals.
    /// A limit reached or a failing filter is a <see cref="LiquidTemplateException"/>.
    /// </summary>
    public string Render(LiquidTemplate template, IEnumerable<KeyValuePair<string, object?>> model, DateTimeOffset? now = null)
    {
        var budget = new RenderBudget(_limits, _maxLength);
        var context = new TemplateContext(_options);
        if (now is { } at) context.Now = () => at;
        budget.AttachTo(context);
        foreach (var (name, value) in model)
            context.SetValue(name, FluidValue.Create(value, _options));
        var output = new LimitedWriter(budget, "输出");
        try
        {
            // Every node and filter here completes synchronously; nothing is awaited on another thread.
            template.Template.RenderAsync(output, context, NullEncoder.Default).AsTask().GetAwaiter().GetResult();
            return output.ToString();
        }
        catch (LiquidTemplateException)
        {
            throw;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase))
        {
            // Fluid reports its step limit and its recursion limit with one message.
            throw RenderBudget.Exceeded($"执行步数超过 {_limits.MaxSteps}（循环次数过多）或嵌套超过 {_limits.MaxRecursion} 层");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException
                                       or ParseException or NotSupportedException or IndexOutOfRangeException)
        {
            throw new LiquidTemplateException(ex.Message, inner: ex);
        }
    }

    private static ValueTask<FluidValue> Checked(TemplateContext context, FluidValue value, string what)
    {
        var budget = RenderBudget.Of(context);
        budget.CheckTime();
        budget.CheckValue(value, what);
        return new ValueTask<FluidValue>(value);
    }

    /// <summary>
    /// A filter that stops the render when its result is too long. <c>join</c> and <c>replace</c> can multiply their
    /// input many times in one call, so their result's length is worked out before they run.
    /// </summary>
    private static FilterDelegate Bounded(string name, FilterDelegate filter) => async (input, arguments, context) =>
    {
        var budget = RenderBudget.Of(context);
        budget.CheckTime();
        var what = $"过滤器“{name}”的结果";
        budget.CheckSize(LengthBefore(name, input, arguments), what);
        var result = await filter(input, arguments, context);
        budget.CheckValue(result, what);
        return result;
    };

    private static long LengthBefore(string name, FluidValue input, FilterArguments arguments)
    {
        switch (name)
        {
            case "join" when input is ArrayValue list:
                var separator = arguments.Count > 0 ? arguments.At(0).ToStringValue().Length : 1;
                return list.Values.Sum(v => (long)v.ToStringValue().Length) + (long)Math.Max(0, list.Values.Count - 1) * separator;
            case "replace":
                var text = input.ToStringValue();
                var pattern = arguments.At(0).ToStringValue();
                var replacement = arguments.At(1).ToStringValue();
                return text.Length + Occurrences(text, pattern) * (long)replacement.Length;
            default:
                return 0;
        }
    }

    private static long Occurrences(string text, string pattern)
    {
        if (pattern.Length == 0) return text.Length + 1;
        long count = 0;
        for (var i = text.IndexOf(pattern, StringComparison.Ordinal); i >= 0; i = text.IndexOf(pattern, i + pattern.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
