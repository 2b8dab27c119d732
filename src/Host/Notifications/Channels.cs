namespace Workflows.Host.Notifications;

/// <summary>The channels a message goes by; stored as these words.</summary>
public static class Channels
{
    public const string Email = "Email";
    public const string Sms = "Sms";

    public static readonly IReadOnlyList<string> All = [Email, Sms];

    /// <summary>The canonical spelling of a channel name, or null when it is none.</summary>
    public static string? Normalize(string? text) =>
        All.FirstOrDefault(c => string.Equals(c, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
