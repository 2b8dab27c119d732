using Workflows.Host.Persistence;
using Workflows.Host.Security;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Users;

namespace Workflows.Host.Workspace.Commands;

/// <summary>
/// <c>create-admin --user NAME [--password PW] [--display-name NAME]</c>: migrates the database, creates the first
/// admin and exits. Production seeds no user: this is how the first one comes to be. Without <c>--password</c>
/// the password is read from standard input (typed without echo on a terminal), so it stays out of the shell
/// history. Other arguments (<c>--environment</c>, <c>--ConnectionStrings:Workflows …</c>) configure the host as usual.
/// Exit codes: 0 created, 1 refused (weak password, existing user …), 2 usage.
/// </summary>
internal static class CreateAdminCommand
{
    public const string Name = "create-admin";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        string? user = null, password = null, displayName = null;
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--user": user = Value(); break;
                case "--password": password = Value(); break;
                case "--display-name": displayName = Value(); break;
                default: hostArgs.Add(args[i]); break;
            }
        }
        if (string.IsNullOrWhiteSpace(user))
        {
            await error.WriteLineAsync("用法 / Usage: create-admin --user <用户名> [--password <密码>] [--display-name <姓名>]");
            await error.WriteLineAsync("不给 --password 时从标准输入读取密码 / Without --password the password is read from standard input.");
            return 2;
        }
        password ??= await ReadPasswordAsync(input, output);

        var builder = WebApplication.CreateBuilder([.. hostArgs]);
        // A command prints its own result; the service's informational logs would bury it.
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.AddWorkflowsHost();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        await PersistenceSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>(), CancellationToken.None);

        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var result = await admin.CreateAsync(new NewUser(user, displayName ?? Roles.ChineseName(Roles.Admin), Roles.Admin, null, password),
            AuditActor.System(Name), CancellationToken.None);
        if (result is UserAdministration.Done done)
        {
            await output.WriteLineAsync($"已创建系统管理员“{done.User.UserName}” / Created the administrator '{done.User.UserName}'.");
            return 0;
        }
        await error.WriteLineAsync($"未创建用户“{user}” / User '{user}' was not created:");
        foreach (var (_, messages) in ((UserAdministration.Invalid)result).Errors)
            foreach (var message in messages)
                await error.WriteLineAsync("  " + message);
        return 1;
    }

    private static async Task<string> ReadPasswordAsync(TextReader input, TextWriter output)
    {
        if (input != Console.In || Console.IsInputRedirected)
            return await input.ReadLineAsync() ?? "";
        await output.WriteAsync("密码 / Password: ");
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        await output.WriteLineAsync();
        return typed.ToString();
    }
}
