namespace Workflows.Host.Notifications.Admin;

/// <summary>The words of the delivery log and template pages: <c>NotificationsText.resx</c> (Chinese) and <c>NotificationsText.en.resx</c>.</summary>
public sealed class NotificationsText;
