using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Workflows.Runtime.Execution;

/// <summary>Converts evaluated input values (JSON) to the CLR type an activity asks for.</summary>
public static class ValueConverter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new JsonStringEnumConverter() },
    };

    public static T? Convert<T>(JsonNode? node) => (T?)Convert(node, typeof(T));

    public static object? Convert(JsonNode? node, Type type)
    {
        if (node is null) return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(JsonNode)) return node;
        var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (target == typeof(string)) return text ?? node.ToJsonString();
        if (text is not null)
        {
            if (target == typeof(TimeSpan)) return ParseTimeSpan(text);
            if (target == typeof(DateTimeOffset))
                return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            if (target == typeof(DateOnly)) return DateOnly.Parse(text[..Math.Min(10, text.Length)], CultureInfo.InvariantCulture);
            if (target == typeof(bool)) return bool.Parse(text.Trim());
            if (text.Length == 0 && target.IsValueType) return null;
        }
        try
        {
            return node.Deserialize(target, Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Value {Shorten(node.ToJsonString())} cannot be read as {target.Name}.", ex);
        }
    }

    /// <summary>
    /// Converts a value to a declared variable type (Studio's typeName), as Elsa does when a variable is set:
    /// Studio sends literals as text, so "5" must become 5 for an Int32 variable. Other types are kept as they are.
    /// </summary>
    public static JsonNode? ToVariableType(JsonNode? value, string typeName)
    {
        if (value is null) return null;
        var type = typeName switch
        {
            "Int32" => typeof(int),
            "Int64" => typeof(long),
            "Single" => typeof(float),
            "Double" => typeof(double),
            "Decimal" => typeof(decimal),
            "Boolean" => typeof(bool),
            "String" => typeof(string),
            _ => null,
        };
        if (type is null) return value;
        if (type == typeof(string))
            return value is JsonValue v ? JsonValue.Create(v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : JsonValue.Create(value.ToJsonString());
        var converted = Convert(value, type);
        return converted is null ? null : JsonSerializer.SerializeToNode(converted, type);
    }

    /// <summary>Accepts .NET's "d.hh:mm:ss" form (what Studio sends) and ISO-8601 durations such as "P15D".</summary>
    public static TimeSpan ParseTimeSpan(string text)
    {
        text = text.Trim();
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)) return span;
        if (text.StartsWith('P'))
            return System.Xml.XmlConvert.ToTimeSpan(text);
        throw new FormatException($"'{Shorten(text)}' is not a time span (expected d.hh:mm:ss, e.g. 15.00:00:00, or P15D).");
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
