using Jint;
using Jint.Native;
using Jint.Native.RegExp;
using Jint.Runtime;
using Jint.Runtime.Interop;
using JsEngine = Jint.Engine;

namespace Workflows.Runtime.Expressions;

/// <summary>
/// Jint checks its memory limit between statements, and a few string built-ins build their whole result inside one
/// call without looking at it (<c>'x'.repeat(1 &lt;&lt; 27)</c> is 256 MiB before the next check). This puts a check in
/// front of them: the length of the result (exact for <c>repeat</c> and padding, an upper bound for a replacement
/// written as text) must fit in what the memory limit still allows, else the script is stopped like any other
/// overrun, before anything is allocated.
/// </summary>
internal static class JavaScriptStringGuard
{
    public static void Install(JsEngine engine, long memoryLimitBytes)
    {
        if (memoryLimitBytes <= 0) return;
        var budget = new Budget(memoryLimitBytes, GC.GetAllocatedBytesForCurrentThread());
        var prototype = engine.GetValue("String").AsObject().Get("prototype").AsObject();

        Wrap(engine, prototype, "repeat", budget, (text, args) =>
        {
            var count = TypeConverter.ToNumber(args.At(0));
            return (count >= 0 && !double.IsInfinity(count) ? (double)text.Length * Math.Floor(count) : 0, [count]);
        });
        Wrap(engine, prototype, "padStart", budget, Padding);
        Wrap(engine, prototype, "padEnd", budget, Padding);
        Wrap(engine, prototype, "replace", budget, (text, args) => Replacement(text, args, all: false));
        Wrap(engine, prototype, "replaceAll", budget, (text, args) => Replacement(text, args, all: true));
    }

    /// <summary>The result's length in characters and the arguments to pass on (converted once, as the built-in would).</summary>
    private delegate (double Length, JsValue[] Arguments) Estimate(string text, JsValue[] arguments);

    private sealed record Budget(long Limit, long AllocatedAtStart)
    {
        public long Remaining => Limit - (GC.GetAllocatedBytesForCurrentThread() - AllocatedAtStart);
    }

    private static void Wrap(JsEngine engine, Jint.Native.Object.ObjectInstance prototype, string name, Budget budget, Estimate estimate)
    {
        var original = prototype.Get(name);
        var length = (int)TypeConverter.ToNumber(original.AsObject().Get("length"));
        prototype.Set(name, new ClrFunction(engine, name, (thisValue, arguments) =>
        {
            // null and undefined are the built-in's to refuse (TypeError).
            if (thisValue.IsNull() || thisValue.IsUndefined()) return engine.Call(original, thisValue, arguments);
            var text = TypeConverter.ToString(thisValue);
            var (chars, passed) = estimate(text, arguments);
            var bytes = chars * sizeof(char);
            if (bytes > budget.Remaining)
                throw new MemoryLimitExceededException(
                    $"String.prototype.{name} would build a string of {chars:0} characters ({bytes:0} bytes), more than the script's memory limit of {budget.Limit} bytes allows.");
            return engine.Call(original, new JsString(text), passed);
        }, length));
    }

    private static (double, JsValue[]) Padding(string text, JsValue[] arguments)
    {
        double target = TypeConverter.ToLength(arguments.At(0));
        var filler = arguments.At(1);
        JsValue[] passed = filler.IsUndefined() ? [target] : [target, TypeConverter.ToString(filler)];
        return (Math.Max(text.Length, target), passed);
    }

    /// <summary>
    /// A replacement function runs statements of its own, which Jint checks; a replacement text does not. Each match
    /// adds at most the text's length and, for every <c>$</c> pattern in it (<c>$&amp;</c>, <c>$`</c>, <c>$'</c> …), the
    /// whole input again; a global regular expression can match at every position.
    /// </summary>
    private static (double, JsValue[]) Replacement(string text, JsValue[] arguments, bool all)
    {
        var pattern = arguments.At(0);
        var replacement = arguments.At(1);
        if (replacement.IsCallable()) return (0, arguments);
        var replacementText = TypeConverter.ToString(replacement);
        double matches;
        JsValue patternPassed = pattern;
        if (pattern.IsObject() && pattern is not JsRegExp) return (0, arguments);
        if (pattern is JsRegExp regex)
        {
            matches = regex.Flags.Contains('g', StringComparison.Ordinal) ? text.Length + 1 : 1;
        }
        else
        {
            var search = TypeConverter.ToString(pattern);
            patternPassed = search;
            matches = !all ? 1 : search.Length == 0 ? text.Length + 1 : Occurrences(text, search);
        }
        var dollars = replacementText.Count(c => c == '$');
        return (text.Length + matches * (replacementText.Length + (double)dollars * text.Length), [patternPassed, replacementText]);
    }

    private static int Occurrences(string text, string search)
    {
        var count = 0;
        for (var i = text.IndexOf(search, StringComparison.Ordinal); i >= 0; i = text.IndexOf(search, i + search.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
