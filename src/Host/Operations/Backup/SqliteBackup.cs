using Microsoft.Data.Sqlite;

namespace Workflows.Host.Operations.Backup;

/// <summary>
/// A consistent copy of the embedded SQLite database through SQLite's online backup API, taken while the service
/// runs: the copy is one snapshot of the database including what is still in the WAL file, and writers are not held
/// up. The copy is written beside the target and renamed into place, so a failed backup never leaves a half file
/// under the target's name.
/// </summary>
internal static class SqliteBackup
{
    public static async Task CopyAsync(string sourceConnectionString, string target, CancellationToken ct)
    {
        var fullTarget = Path.GetFullPath(target);
        if (Path.GetDirectoryName(fullTarget) is { } folder)
            Directory.CreateDirectory(folder);
        var partial = fullTarget + ".partial";
        File.Delete(partial);
        var sourceBuilder = new SqliteConnectionStringBuilder(sourceConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        if (!File.Exists(sourceBuilder.DataSource))
            throw new FileNotFoundException($"数据库文件不存在 / The database file {sourceBuilder.DataSource} does not exist.", sourceBuilder.DataSource);
        await using (var source = new SqliteConnection(sourceBuilder.ToString()))
        await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
        {
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
            // One self-contained file: no -wal beside the backup.
            await using var command = copy.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE;";
            await command.ExecuteNonQueryAsync(ct);
        }
        File.Move(partial, fullTarget, overwrite: true);
    }
}
