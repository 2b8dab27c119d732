using System.Globalization;
using Microsoft.Extensions.Options;

namespace Workflows.Host.Notifications;

/// <summary>
/// Configuration section <c>Notifications</c>. Durations are written <c>90s</c>, <c>5m</c>, <c>2h</c> or <c>1d</c>;
/// lists are comma-separated. Every key is checked at start (see <see cref="NotificationOptionsValidator"/>).
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public const string DefaultRetryDelays = "1m, 5m, 15m, 1h";
    public const string DefaultRetryEvery = "2h";
    public const string DefaultGiveUpAfter = "24h";
    public const string DefaultLease = "5m";
    public const string DefaultSweepCron = "* * * * *";
    public const string DefaultReminderDays = "5, 1, 0";
    public const int DefaultUrgeDaysAfter = 1;
    public const string DefaultSendAt = "09:00";

    /// <summary>Waits after the 1st, 2nd … transient failure. Default <c>1m, 5m, 15m, 1h</c>.</summary>
    public string RetryDelays { get; set; } = DefaultRetryDelays;

    /// <summary>The wait after every later transient failure. Default <c>2h</c>.</summary>
    public string RetryEvery { get; set; } = DefaultRetryEvery;

    /// <summary>A message still failing this long after it was queued is marked Failed. Default <c>24h</c>.</summary>
    public string GiveUpAfter { get; set; } = DefaultGiveUpAfter;

    /// <summary>
    /// How long a worker's claim on a message lasts. Longer than any one send can take (SMTP and SMS timeouts are
    /// 30 s by default): a message is only taken over after its claim expired. Measured on the
    /// wall clock, never the rehearsal clock. Default <c>5m</c>.
    /// </summary>
    public string Lease { get; set; } = DefaultLease;

    /// <summary>Cron of the sweep that fires due reminders and sends due messages whose job was lost. Default every minute.</summary>
    public string SweepCron { get; set; } = DefaultSweepCron;

    /// <summary>Reminders so many days before a due date (0 = the due day) when the definition gives none. Default <c>5, 1, 0</c>.</summary>
    public string ReminderDays { get; set; } = DefaultReminderDays;

    /// <summary>The 催办 to the supervising unit, so many days after the due date; 0 sends none. Default 1.</summary>
    public int UrgeDaysAfter { get; set; } = DefaultUrgeDaysAfter;

    /// <summary>Time of day (China Standard Time, HH:mm) reminders go out. Default <c>09:00</c>.</summary>
    public string SendAt { get; set; } = DefaultSendAt;

    internal IReadOnlyList<TimeSpan> RetryDelayList => Durations.ParseList(RetryDelays);
    internal TimeSpan RetryEveryValue => Durations.Parse(RetryEvery);
    internal TimeSpan GiveUpAfterValue => Durations.Parse(GiveUpAfter);
    internal TimeSpan LeaseValue => Durations.Parse(Lease);
    internal IReadOnlyList<int> ReminderDayList => ParseDays(ReminderDays);
    internal TimeOnly SendAtValue => TimeOnly.ParseExact(SendAt, "HH:mm", CultureInfo.InvariantCulture);

    internal static IReadOnlyList<int> ParseDays(string text) =>
        text.Split([',', '，', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n : throw new FormatException($"'{p}' is not a whole number of days (0 or more)."))
            .Distinct().OrderDescending().ToList();
}

/// <summary>Durations as people write them in settings: a whole number and a unit s, m, h or d.</summary>
internal static class Durations
{
    public static TimeSpan Parse(string text)
    {
        var t = text.Trim();
        if (t.Length >= 2 && long.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            switch (t[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
            }
        }
        throw new FormatException($"'{text}' is not a duration (a whole number and s, m, h or d, e.g. 15m).");
    }

    public static IReadOnlyList<TimeSpan> ParseList(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToList();
}

internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions o)
    {
        var errors = new List<string>();
        Check(errors, "RetryDelays", () =>
        {
            var delays = o.RetryDelayList;
            if (delays.Any(d => d <= TimeSpan.Zero)) return "every delay must be positive";
            return null;
        });
        Check(errors, "RetryEvery", () => o.RetryEveryValue <= TimeSpan.Zero ? "must be positive" : null);
        Check(errors, "GiveUpAfter", () => o.GiveUpAfterValue < TimeSpan.FromMinutes(1) ? "must be at least 1m" : null);
        Check(errors, "Lease", () => o.LeaseValue < TimeSpan.FromMinutes(1) || o.LeaseValue > TimeSpan.FromHours(1)
            ? "must be between 1m and 1h (longer than one send may take)" : null);
        Check(errors, "ReminderDays", () => o.ReminderDayList.Any(d => d > 365) ? "days must be between 0 and 365" : null);
        Check(errors, "SendAt", () => { _ = o.SendAtValue; return null; });
        if (o.UrgeDaysAfter is < 0 or > 30)
            errors.Add($"Notifications:UrgeDaysAfter must be between 0 and 30 (was {o.UrgeDaysAfter}).");
        // Hangfire parses the cron when the job is registered; this catches the obvious mistake at start.
        if (o.SweepCron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is not (5 or 6))
            errors.Add($"Notifications:SweepCron '{o.SweepCron}' is not a cron expression (5 or 6 fields expected).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string key, Func<string?> check)
    {
        try
        {
            if (check() is { } problem) errors.Add($"Notifications:{key} {problem}.");
        }
        catch (FormatException ex)
        {
            errors.Add($"Notifications:{key}: {ex.Message}");
        }
    }
}
