namespace Workflows.Host.Notifications.Senders;

/// <summary>Email addresses as logs may show them.</summary>
public static class EmailAddresses
{
    /// <summary>"wang.wei@example.cn" → "w***@example.cn": enough to tell recipients apart, not to write to one.</summary>
    public static string Mask(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0) return "***";
        return $"{address[0]}***{address[at..]}";
    }
}
