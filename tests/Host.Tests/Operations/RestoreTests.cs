using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Operations.Backup;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Operations;

/// <summary><c>restore --from FILE</c> puts a backup in place, and never under a running service.</summary>
public sealed class RestoreTests
{
    [Fact]
    public async Task Restore_is_refused_while_the_service_runs_and_puts_the_backup_in_place_once_it_stopped()
    {
        var backupFile = Path.Combine(TempFolder.Create("restore"), "backup.db");
        var app = new WorkflowsApp();
        string kept, later;
        string[] Settings(params string[] command) => [.. command, "--Workflows:DataPath", app.DataPath, "--Logging:Path", Path.Combine(app.DataPath, "logs")];
        await using (app)
        {
            var client = app.CreateApiClient();
            await client.SaveAsync(Flowcharts.DelayThenWrite("delay-restore", "1.00:00:00"), publish: true);
            kept = await client.ExecuteAsync("delay-restore");
            Assert.Equal(0, await RunAsync(BackupCommand.RunAsync, Settings(BackupCommand.Name, "--to", backupFile)));
            later = await client.ExecuteAsync("delay-restore");

            using var error = new StringWriter();
            Assert.Equal(1, await RestoreCommand.RunAsync(Settings(RestoreCommand.Name, "--from", backupFile), TextWriter.Null, error));
            Assert.Contains("请先停止服务", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(2, await CountAsync(app));
        }

        Assert.Equal(0, await RunAsync(RestoreCommand.RunAsync, Settings(RestoreCommand.Name, "--from", backupFile)));

        await using var restored = new WorkflowsApp(dataPath: app.DataPath);
        await using var scope = restored.Scope();
        var ids = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Instances.Select(i => i.Id).ToListAsync();
        Assert.Contains(kept, ids);
        Assert.DoesNotContain(later, ids);
    }

    private static async Task<int> CountAsync(WorkflowsApp app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Instances.CountAsync();
    }

    private static async Task<int> RunAsync(Func<string[], TextWriter, TextWriter, Task<int>> command, string[] args)
    {
        using var error = new StringWriter();
        var code = await command(args, TextWriter.Null, error);
        Assert.True(code == 0, error.ToString());
        return code;
    }
}
