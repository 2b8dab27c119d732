namespace Workflows.Host.Scheduling;

/// <summary>Configuration section <c>Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>
    /// How often Hangfire looks for delayed jobs that are due (and, on PostgreSQL storage, for queued jobs), in
    /// milliseconds. Default 1000.
    /// </summary>
    public int PollingIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Hangfire worker count. Default 4.</summary>
    public int WorkerCount { get; set; } = 4;

    /// <summary>Cron of the sweep that fires any due timer whose job was missed. Default every minute.</summary>
    public string SweepCron { get; set; } = "* * * * *";
}
