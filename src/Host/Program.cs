using Workflows.Host;
using Workflows.Host.Operations.Backup;
using Workflows.Host.Workspace.Commands;

if (CreateAdminCommand.Matches(args))
    return await CreateAdminCommand.RunAsync(args, Console.In, Console.Out, Console.Error);
if (BackupCommand.Matches(args))
    return await BackupCommand.RunAsync(args, Console.Out, Console.Error);
if (RestoreCommand.Matches(args))
    return await RestoreCommand.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddWorkflowsHost();

var app = builder.Build();
app.UseWorkflowsHost();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("物业管理工作流服务已启动 / Workflow service listening on {Urls}", string.Join(", ", app.Urls)));
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
