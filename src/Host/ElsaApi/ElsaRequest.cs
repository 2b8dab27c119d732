using System.Globalization;
using System.Text.Json;

namespace Workflows.Host.ElsaApi;

/// <summary>
/// Reads Elsa's query strings and bodies. Studio builds query keys from C# property names (PascalCase) and
/// route templates in camelCase, so keys are matched case-insensitively (as <see cref="IQueryCollection"/> does).
/// Problems are collected per field so one 400 names every bad parameter.
/// </summary>
internal sealed class ElsaRequest(HttpRequest request)
{
    public Dictionary<string, List<string>> Errors { get; } = [];

    public bool IsValid => Errors.Count == 0;

    public IResult Invalid() => ElsaErrors.BadRequest(Errors);

    public void AddError(string field, string message)
    {
        if (!Errors.TryGetValue(field, out var list)) Errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>The value, or null when absent; an empty value counts as given (Elsa's "empty versionOptions").</summary>
    public string? Text(string name) =>
        request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>Repeated keys (<c>Ids=a&amp;Ids=b</c>); null when absent so "no filter" differs from "empty list".</summary>
    public List<string>? List(string name) =>
        request.Query.TryGetValue(name, out var values)
            ? values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList()
            : null;

    public int? Int(string name, int min = int.MinValue)
    {
        var text = Text(name);
        if (string.IsNullOrEmpty(text)) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min) return value;
        AddError(name, min == int.MinValue ? $"'{text}' is not a whole number." : $"'{text}' must be a whole number of at least {min}.");
        return null;
    }

    public bool? Bool(string name)
    {
        var text = Text(name);
        if (string.IsNullOrEmpty(text)) return null;
        if (bool.TryParse(text, out var value)) return value;
        AddError(name, $"'{text}' is not True or False.");
        return null;
    }

    public TEnum? Enum<TEnum>(string name) where TEnum : struct, Enum
    {
        var text = Text(name);
        if (string.IsNullOrEmpty(text)) return null;
        if (System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)) return value;
        AddError(name, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    /// <summary>
    /// Reads an optional JSON body with Elsa's conventions (case-insensitive names, enums as strings or numbers).
    /// An empty body gives null; malformed JSON is reported under the JSON path that failed.
    /// </summary>
    public async Task<T?> BodyAsync<T>(CancellationToken ct) where T : class
    {
        if (request.ContentLength == 0) return null;
        try
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(ct);
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<T>(text, ElsaShapes.Json);
        }
        catch (JsonException ex)
        {
            AddError(FieldOf(ex.Path), $"The request body is not valid JSON: {ex.Message}");
            return null;
        }
    }

    /// <summary>"$.timestampFilters[0].operator" becomes "timestampFilters[0].operator".</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');
}

/// <summary>Elsa's OrderDirection (list sorting).</summary>
internal enum OrderDirection
{
    Ascending,
    Descending,
}
