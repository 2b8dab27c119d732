namespace Workflows.PropertyManagement.Notifications;

/// <summary>One address on one channel.</summary>
public sealed record Recipient(NotificationChannel Channel, string Address, string? Name);
