using System.Text.RegularExpressions;

namespace Workflows.Host.Notifications.Senders;

/// <summary>Mainland China mobile numbers: 11 digits, 1 then 3-9 then nine digits (MIIT numbering plan).</summary>
internal static partial class MainlandMobile
{
    [GeneratedRegex(@"^(?:\+86)?(1[3-9]\d{9})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The bare 11-digit form of <paramref name="input"/>, or null when it is not a mainland mobile number.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null) return null;
        var match = Pattern().Match(input.Trim());
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>13800138000 -> 138****8000, for logs: enough to tell numbers apart, not enough to call one.</summary>
    public static string Mask(string number)
    {
        var bare = Normalize(number);
        if (bare is not null) return string.Concat(bare.AsSpan(0, 3), "****", bare.AsSpan(7));
        return number.Length <= 4 ? "****" : string.Concat("****", number.AsSpan(number.Length - 4));
    }
}

/// <summary>The checks every SMS sender makes before it talks to a provider, with the same error for each.</summary>
internal static class SmsMessageChecks
{
    public const string InvalidMessageCode = "InvalidMessage";

    /// <summary>The normalized numbers, or a permanent failure naming what is wrong.</summary>
    public static (IReadOnlyList<string> Numbers, SendResult? Failure) Check(SmsMessage m, int maxNumbers)
    {
        if (m.PhoneNumbers is null || m.PhoneNumbers.Count == 0)
            return Fail("The SMS has no phone number.");
        if (m.PhoneNumbers.Count > maxNumbers)
            return Fail($"The SMS has {m.PhoneNumbers.Count} phone numbers; the provider takes at most {maxNumbers} per request.");
        var numbers = new List<string>(m.PhoneNumbers.Count);
        foreach (var raw in m.PhoneNumbers)
        {
            var bare = MainlandMobile.Normalize(raw);
            if (bare is null)
                return Fail($"'{raw}' is not a mainland mobile number (11 digits starting 13-19, optionally +86).");
            numbers.Add(bare);
        }
        if (string.IsNullOrWhiteSpace(m.TemplateCode))
            return Fail("The SMS has no template code.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in m.TemplateParameters ?? [])
        {
            if (string.IsNullOrWhiteSpace(parameter.Name))
                return Fail("A template parameter has no name.");
            if (!names.Add(parameter.Name))
                return Fail($"The template parameter '{parameter.Name}' is given twice.");
            if (parameter.Value is null)
                return Fail($"The template parameter '{parameter.Name}' has no value.");
        }
        return (numbers, null);
    }

    private static (IReadOnlyList<string>, SendResult?) Fail(string message) =>
        ([], SendResult.Permanent(InvalidMessageCode, message));
}
