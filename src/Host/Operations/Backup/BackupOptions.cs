using Microsoft.Extensions.Options;

namespace Workflows.Host.Operations.Backup;

/// <summary>Configuration section <c>Backup</c>: the scheduled backup of the embedded database (SQLite mode only).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Cron (UTC) of the scheduled backup; empty turns it off. Default <c>0 18 * * *</c>: 02:00 China time, daily.</summary>
    public string Cron { get; set; } = "0 18 * * *";

    /// <summary>Folder of the scheduled backups, relative to the content root. Empty (default): <c>backups</c> in <c>Workflows:DataPath</c>.</summary>
    public string Folder { get; set; } = "";

    /// <summary>How many scheduled backups are kept; older ones are deleted after a new one is written. Default 7.</summary>
    public int RetentionCount { get; set; } = 7;
}

internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        var errors = new List<string>();
        if (options.RetentionCount is < 1 or > 1000)
            errors.Add($"Backup:RetentionCount must be between 1 and 1000 (found {options.RetentionCount}).");
        var fields = options.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (options.Cron.Length > 0 && fields is not (5 or 6))
            errors.Add($"Backup:Cron '{options.Cron}' is not a cron expression (5 or 6 fields expected; empty turns the backup off).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
