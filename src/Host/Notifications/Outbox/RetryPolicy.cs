using Microsoft.Extensions.Options;

namespace Workflows.Host.Notifications.Outbox;

/// <summary>When a message that failed transiently is tried again, and when it is given up.</summary>
public sealed class RetryPolicy(IOptions<NotificationOptions> options)
{
    /// <summary>
    /// The instant of the next attempt after <paramref name="failedAttempts"/> failures, or null when that would be
    /// later than <c>GiveUpAfter</c> from the message's creation (then it is marked Failed).
    /// </summary>
    public DateTimeOffset? NextAttempt(int failedAttempts, DateTimeOffset createdAt, DateTimeOffset now)
    {
        var o = options.Value;
        var delays = o.RetryDelayList;
        var delay = failedAttempts >= 1 && failedAttempts <= delays.Count ? delays[failedAttempts - 1] : o.RetryEveryValue;
        var next = now + delay;
        return next > createdAt + o.GiveUpAfterValue ? null : next;
    }
}
