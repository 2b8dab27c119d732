using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.PropertyManagement.Deadlines;

namespace Workflows.Host.PropertyManagement.Api;

/// <summary>
/// What any case input must respect whatever the procedure: a bounded number of keys, bounded text, text that is
/// valid Unicode (a lone surrogate cannot be stored or sent), and dates between 1990 and 2100. Errors are keyed
/// <c>input.&lt;path&gt;</c>, in Chinese.
/// </summary>
internal static class CaseInputLimits
{
    /// <summary>Nested objects deeper than this are refused (the procedures need one level).</summary>
    private const int MaxDepth = 4;

    private static readonly DateOnly MinDate = DateOnly.ParseExact(DeadlineResolver.MinDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly DateOnly MaxDate = DateOnly.ParseExact(DeadlineResolver.MaxDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void Check(JsonObject? input, CaseInputOptions limits, Dictionary<string, string[]> errors)
    {
        if (input is null) return;
        var keys = 0;
        Walk(input, "input", 1, limits, errors, ref keys);
        if (keys > limits.MaxKeys) errors["input"] = [$"输入项过多：最多 {limits.MaxKeys} 项，收到 {keys} 项。"];
    }

    /// <summary>A date of an input (already read as YYYY-MM-DD) within the range deadlines can be counted in.</summary>
    public static string? DateProblem(DateOnly date, string label) =>
        date < MinDate || date > MaxDate
            ? $"“{label}”{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 超出有效范围，应在 {DeadlineResolver.MinDate} 至 {DeadlineResolver.MaxDate} 之间。"
            : null;

    private static void Walk(JsonObject o, string path, int depth, CaseInputOptions limits, Dictionary<string, string[]> errors, ref int keys)
    {
        // The request's JSON is read lazily: a name or a string with an escaped lone surrogate ("\ud800") throws when it
        // is first read, which used to happen deep inside the start and answer 500.
        List<KeyValuePair<string, JsonNode?>> properties;
        try
        {
            properties = [.. o];
        }
        catch (InvalidOperationException)
        {
            errors[path] = [InvalidText(path)];
            return;
        }
        foreach (var (name, node) in properties)
        {
            keys++;
            var field = $"{path}.{name}";
            if (!IsValidText(name))
            {
                errors[path] = [InvalidText(path)];
                continue;
            }
            switch (node)
            {
                case JsonObject nested when depth >= MaxDepth:
                    errors[field] = [$"“{name}”嵌套层数过多。"];
                    break;
                case JsonObject nested:
                    Walk(nested, field, depth + 1, limits, errors, ref keys);
                    break;
                case JsonArray:
                    errors[field] = [$"“{name}”不能是数组。"];
                    break;
                case JsonValue value:
                    var (text, readable) = StringOf(value);
                    var max = MaxLength(name, limits);
                    if (!readable || (text is not null && !IsValidText(text)))
                        errors[field] = [InvalidText(name)];
                    else if (text is not null && text.Length > max)
                        errors[field] = [$"“{name}”过长：最多 {max} 个字符，收到 {text.Length} 个。"];
                    break;
            }
        }
    }

    /// <summary>The string of a value (null for a number or a boolean); unreadable when it holds invalid UTF-16.</summary>
    private static (string? Text, bool Readable) StringOf(JsonValue value)
    {
        try
        {
            return (value.TryGetValue<string>(out var text) ? text : null, true);
        }
        catch (InvalidOperationException)
        {
            return (null, false);
        }
    }

    private static string InvalidText(string name) => $"“{name}”含有无效字符（如不成对的代理项 \\ud800），请检查后重新提交。";

    private static int MaxLength(string name, CaseInputOptions limits) =>
        name switch
        {
            "complaint" => limits.MaxComplaintLength,
            "name" or "applicant" => limits.MaxNameLength,
            _ when name.EndsWith("Name", StringComparison.Ordinal) => limits.MaxNameLength,
            _ => limits.MaxTextLength,
        };

    /// <summary>False for a lone UTF-16 surrogate (JSON's "\ud800" escapes into one): not storable, not sendable.</summary>
    private static bool IsValidText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }
}
