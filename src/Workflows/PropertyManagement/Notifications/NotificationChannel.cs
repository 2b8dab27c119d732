namespace Workflows.PropertyManagement.Notifications;

/// <summary>How a notice reaches its recipient. <see cref="Notice"/> is a posting in the compound (公告), not a message.</summary>
public enum NotificationChannel
{
    Email,
    Sms,
    Notice,
}
