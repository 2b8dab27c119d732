using Microsoft.Extensions.Options;
using Workflows.Host.Persistence;

namespace Workflows.Host.Operations.Backup;

/// <summary>
/// <c>backup --to FILE</c>: copies the embedded SQLite database to FILE while the service keeps running (SQLite's
/// online backup API). Cluster mode (PostgreSQL) is backed up with PostgreSQL's own tools (pg_dump). Other arguments
/// configure the host as usual (<c>--Workflows:DataPath …</c>). Exit codes: 0 written, 1 failed, 2 usage.
/// </summary>
internal static class BackupCommand
{
    public const string Name = "backup";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? target = null;
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--to" && i + 1 < args.Length) target = args[++i];
            else hostArgs.Add(args[i]);
        }
        if (string.IsNullOrWhiteSpace(target))
        {
            await error.WriteLineAsync("用法 / Usage: backup --to <文件 / file>");
            return 2;
        }
        var builder = WebApplication.CreateBuilder([.. hostArgs]);
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddWorkflowsHost();
        await using var app = builder.Build();
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.IsPostgreSql)
        {
            await error.WriteLineAsync("集群模式请使用 PostgreSQL 自带工具（pg_dump）备份 / In cluster mode back up with PostgreSQL's own tools (pg_dump).");
            return 1;
        }
        try
        {
            await SqliteBackup.CopyAsync(database.ConnectionString, target, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"备份失败 / Backup failed: {ex.Message}");
            return 1;
        }
        await output.WriteLineAsync($"已备份到 {Path.GetFullPath(target)} / Backed up to {Path.GetFullPath(target)}");
        return 0;
    }
}
