using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Workflows.Host.District;

/// <summary>
/// The errors of one register entry, keyed by field (the API's problem details, the import's columns). Messages
/// are Chinese and name the field, so an admin knows what to fix without reading code.
/// </summary>
internal sealed partial class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public IEnumerable<(string Field, string Message)> All => _errors.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    /// <summary>Trimmed text, or null (and an error when <paramref name="required"/>) for a blank one.</summary>
    public string? Text(string field, string label, string? value, bool required, int maxLength = 200)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            if (required) Add(field, $"请填写{label}。");
            return null;
        }
        if (text.Length > maxLength) Add(field, $"{label}不能超过 {maxLength} 个字符。");
        return text;
    }

    /// <summary>An id chosen by the admin (or the import's 编码): letters, digits, '.', '_' and '-'.</summary>
    public string? Code(string field, string label, string? value)
    {
        var text = Text(field, label, value, required: false, maxLength: 64);
        if (text is not null && !CodePattern().IsMatch(text))
            Add(field, $"{label}“{text}”只能由字母、数字、点、下划线和连字符组成。");
        return text;
    }

    public string? Email(string field, string label, string? value)
    {
        var text = Text(field, label, value, required: false, maxLength: 256);
        if (text is not null && (!MailAddress.TryCreate(text, out var address) || address.Address != text))
            Add(field, $"{label}“{text}”不是有效的电子邮箱地址。");
        return text;
    }

    /// <summary>A mainland mobile number: 11 digits starting with 1 (SMS reminders go to it).</summary>
    public string? Mobile(string field, string label, string? value)
    {
        var text = Text(field, label, value, required: false, maxLength: 20);
        if (text is not null && !MobilePattern().IsMatch(text))
            Add(field, $"{label}“{text}”不是有效的手机号码（11 位，以 1 开头）。");
        return text;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();
}
