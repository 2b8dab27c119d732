using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Workflows.Host.Persistence;

namespace Workflows.Host.Operations.Backup;

/// <summary>
/// <c>restore --from FILE</c>: puts a backup in place of the embedded database. Refuses while a service holds the
/// database (its lock file) and refuses a file that is not a sound SQLite database. The database it replaces is kept
/// beside it as <c>workflows.db.before-restore-…</c>. Exit codes: 0 restored, 1 refused or failed, 2 usage.
/// </summary>
internal static class RestoreCommand
{
    public const string Name = "restore";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? source = null;
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--from" && i + 1 < args.Length) source = args[++i];
            else hostArgs.Add(args[i]);
        }
        if (string.IsNullOrWhiteSpace(source))
        {
            await error.WriteLineAsync("用法 / Usage: restore --from <备份文件 / backup file>");
            return 2;
        }
        var builder = WebApplication.CreateBuilder([.. hostArgs]);
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddWorkflowsHost();
        await using var app = builder.Build();
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.IsPostgreSql)
        {
            await error.WriteLineAsync("集群模式请使用 pg_restore 恢复 / In cluster mode restore with pg_restore.");
            return 1;
        }
        if (!File.Exists(source) || !await IsSoundAsync(source))
        {
            await error.WriteLineAsync($"不是可用的备份文件 / {source} is not a sound SQLite backup.");
            return 1;
        }
        await using var held = DatabaseLease.TryAcquire(database.ConnectionString);
        if (held is null)
        {
            await error.WriteLineAsync("服务正在使用该数据库，请先停止服务 / A service is running on this database: stop it first.");
            return 1;
        }
        var target = Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource);
        SqliteConnection.ClearAllPools();
        File.Copy(source, target + ".restoring", overwrite: true);
        if (File.Exists(target))
            File.Move(target, $"{target}.before-restore-{TimeProvider.System.GetUtcNow():yyyyMMddHHmmss}");
        // A WAL left by the replaced database belongs to it, not to the restored file.
        File.Delete(target + "-wal");
        File.Delete(target + "-shm");
        File.Move(target + ".restoring", target);
        await output.WriteLineAsync($"已恢复 / Restored {Path.GetFullPath(source)} to {target}");
        return 0;
    }

    private static async Task<bool> IsSoundAsync(string file)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            return (string?)await command.ExecuteScalarAsync() == "ok";
        }
        catch (SqliteException)
        {
            return false;
        }
    }
}
