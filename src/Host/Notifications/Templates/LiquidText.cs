using System.Text.RegularExpressions;
using Workflows.Runtime.Expressions;
using Workflows.Runtime.Expressions.Liquid;

namespace Workflows.Host.Notifications.Templates;

/// <summary>A template that does not parse or render, with the 1-based line where the problem is (when known).</summary>
public sealed class TemplateException(string message, int? line, Exception? inner = null) : Exception(message, inner)
{
    public int? Line { get; } = line;
}

/// <summary>
/// Liquid through the runtime's bounded Fluid engine: a render that loops too long or builds too much text is stopped
/// with a Chinese message naming the limit. Fluid reports a block never closed at the end of the text, so
/// <see cref="Parse"/> finds the line itself: it parses growing prefixes of the template, each cut after one more tag
/// and closed with the blocks still open, and the first prefix that fails holds the faulty tag. A block never closed
/// is reported at its opening tag.
/// </summary>
internal static partial class LiquidText
{
    private static readonly HashSet<string> Blocks = ["if", "unless", "for", "case", "capture", "tablerow", "block", "ifchanged"];

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}|\{\{|\{%", RegexOptions.Singleline)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^\{%-?\s*(\w+)")]
    private static partial Regex TagName();

    /// <summary>Message templates get the same bounds as expressions (the defaults: nothing legitimate comes near them).</summary>
    private static readonly BoundedLiquid Liquid = new(new LiquidOptions(), ExpressionOptions.DefaultMaxOutputLength);

    public static LiquidTemplate Parse(string text)
    {
        try
        {
            return BoundedLiquid.Parse(text);
        }
        catch (LiquidTemplateException ex)
        {
            throw new TemplateException(ex.Message, LineOfError(text) ?? ex.Line, ex);
        }
    }

    /// <summary>Renders; a limit reached or a failing filter is a <see cref="TemplateException"/> (a limit's message is Chinese).</summary>
    public static string Render(LiquidTemplate template, IReadOnlyDictionary<string, string> model)
    {
        try
        {
            return Liquid.Render(template, model.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value)));
        }
        catch (LiquidTemplateException ex)
        {
            throw new TemplateException(ex.Message, null, ex);
        }
    }

    public static string Render(string text, IReadOnlyDictionary<string, string> model) => Render(Parse(text), model);

    internal static int? LineOfError(string text)
    {
        var open = new Stack<(string Name, int Start)>();
        string? verbatim = null;
        foreach (Match token in Tokens().Matches(text))
        {
            var name = TagName().Match(token.Value) is { Success: true } m ? m.Groups[1].Value : null;
            if (verbatim is not null)
            {
                // Inside raw or comment nothing is a tag until the matching end tag.
                if (name == "end" + verbatim) verbatim = null;
                else continue;
            }
            else if (name is "raw" or "comment")
            {
                verbatim = name;
            }
            else if (name is not null && Blocks.Contains(name))
            {
                open.Push((name, token.Index));
            }
            else if (name is not null && name.StartsWith("end", StringComparison.Ordinal) && open.Count > 0 && open.Peek().Name == name[3..])
            {
                open.Pop();
            }

            var prefix = text[..(token.Index + token.Length)] + string.Concat(open.Select(o => "{% end" + o.Name + " %}"));
            if (verbatim is not null) prefix += "{% end" + verbatim + " %}";
            if (!Parses(prefix)) return LineAt(text, token.Index);
        }
        return open.Count > 0 ? LineAt(text, open.Peek().Start) : null;
    }

    private static bool Parses(string text) => BoundedLiquid.Parses(text);

    private static int LineAt(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');
}
