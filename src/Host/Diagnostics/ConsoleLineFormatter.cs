using System.Globalization;
using System.Text;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace Workflows.Host.Diagnostics;

/// <summary>
/// The console's text line with every control character escaped (<c>\r</c>, <c>\n</c>, <c>\u001b</c> …): a user name
/// or a URL path holding a line break must not write a second, forged line into the console log. An exception's
/// stack trace follows on lines of its own, each indented, so none of them can pass for a log line either.
/// </summary>
public sealed class ConsoleLineFormatter(string lineTemplate) : ITextFormatter
{
    private readonly MessageTemplateTextFormatter _line = new(lineTemplate, CultureInfo.InvariantCulture);

    public void Format(LogEvent logEvent, TextWriter output)
    {
        var line = new StringWriter(CultureInfo.InvariantCulture);
        _line.Format(logEvent, line);
        output.Write(Escape(line.ToString()));
        output.WriteLine();
        if (logEvent.Exception is null) return;
        foreach (var exceptionLine in logEvent.Exception.ToString().Split('\n'))
        {
            output.Write("    ");
            output.Write(Escape(exceptionLine.TrimEnd('\r')));
            output.WriteLine();
        }
    }

    public static string Escape(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\r' => escaped.Append("\\r"),
                '\n' => escaped.Append("\\n"),
                '\t' => escaped.Append("\\t"),
                _ when char.IsControl(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => escaped.Append(c),
            };
        }
        return escaped.ToString();
    }
}
