using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Workflows.Runtime.Expressions.Liquid;

/// <summary>
/// Replaces the two nodes that build something large in one step: a range, which Fluid turns into a list of every
/// number at once (<c>(1..100000000)</c> is gigabytes before the first iteration), and a capture, which collects its
/// block in a buffer of its own, outside the output's limit.
/// </summary>
internal sealed class LimitRewriter : AstRewriter
{
    protected override Expression VisitRangeExpression(RangeExpression rangeExpression)
    {
        var range = (RangeExpression)base.VisitRangeExpression(rangeExpression);
        return new BoundedRangeExpression(range.From, range.To);
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        var capture = (CaptureStatement)base.VisitCaptureStatement(captureStatement);
        return new BoundedCaptureStatement(capture.Identifier, capture.Statements);
    }
}

internal sealed class BoundedRangeExpression(Expression from, Expression to) : Expression
{
    public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
    {
        var budget = RenderBudget.Of(context);
        var start = (await from.EvaluateAsync(context)).ToNumberValue();
        var end = (await to.EvaluateAsync(context)).ToNumberValue();
        var count = end < start ? 0 : Math.Floor(end) - Math.Floor(start) + 1;
        if (count > budget.Limits.MaxRangeLength)
            throw RenderBudget.Exceeded($"范围 ({start}..{end}) 超过 {budget.Limits.MaxRangeLength} 个数");
        var first = (int)Math.Floor(start);
        var values = new FluidValue[(int)count];
        for (var i = 0; i < values.Length; i++)
            values[i] = NumberValue.Create(first + i);
        return new ArrayValue(values);
    }
}

internal sealed class BoundedCaptureStatement(string identifier, IReadOnlyList<Statement> statements) : Statement
{
    public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
    {
        var captured = new LimitedWriter(RenderBudget.Of(context), $"capture “{identifier}”的内容");
        var completion = Completion.Normal;
        foreach (var statement in statements)
        {
            completion = await statement.WriteToAsync(captured, encoder, context);
            if (completion != Completion.Normal) break;
        }
        FluidValue result = new StringValue(captured.ToString(), false);
        if (context.Captured is not null)
            result = await context.Captured.Invoke(identifier, result, context);
        context.SetValue(identifier, result);
        return completion;
    }
}
