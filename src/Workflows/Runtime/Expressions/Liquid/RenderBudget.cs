using System.Diagnostics;
using Fluid;
using Fluid.Values;

namespace Workflows.Runtime.Expressions.Liquid;

/// <summary>
/// What one render may still spend: time, and the size of any text or list it builds. Fluid counts steps itself;
/// this covers what one step can do (a doubling <c>append</c>, a <c>join</c> of a large list, a huge range).
/// </summary>
internal sealed class RenderBudget(LiquidOptions limits, int maxLength)
{
    private const string AmbientKey = "Workflows.RenderBudget";
    private readonly long _deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * limits.TimeoutMilliseconds / 1000;

    public LiquidOptions Limits { get; } = limits;

    public int MaxLength { get; } = maxLength;

    public void AttachTo(TemplateContext context) => context.AmbientValues[AmbientKey] = this;

    public static RenderBudget Of(TemplateContext context) =>
        context.AmbientValues.TryGetValue(AmbientKey, out var b) && b is RenderBudget budget
            ? budget
            : throw new InvalidOperationException("A Liquid render without a budget.");

    public void CheckTime()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
            throw Exceeded($"运行时间超过 {Limits.TimeoutMilliseconds} 毫秒");
    }

    /// <summary>Refuses a text or list (counted as the characters it holds) longer than the output limit.</summary>
    public void CheckSize(long size, string what)
    {
        if (size > MaxLength)
            throw Exceeded($"{what}超过 {MaxLength} 个字符");
    }

    public void CheckValue(FluidValue value, string what) => CheckSize(SizeOf(value), what);

    /// <summary>Characters of a text; for a list, its elements' characters plus one per element.</summary>
    public static long SizeOf(FluidValue value, int depth = 0) => value switch
    {
        StringValue s => s.ToStringValue().Length,
        ArrayValue a when depth < 8 => a.Values.Count + a.Values.Sum(v => SizeOf(v, depth + 1)),
        ArrayValue a => a.Values.Count,
        _ => 1,
    };

    public static LiquidTemplateException Exceeded(string what) =>
        new($"Liquid 模板运行超出限制：{what}。", limitExceeded: true);
}
