using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Workspace.Audit;
using Workflows.Host.Workspace.Commands;
using Workflows.PropertyManagement.Jurisdictions;

namespace Workflows.Host.Tests.Workspace;

/// <summary>Production seeds nothing; <c>create-admin</c> creates the first admin, refusing weak passwords and existing users.</summary>
public sealed class CreateAdminCommandTests
{
    private const string StrongPassword = "Guanli#2026x";

    [Fact]
    public async Task Production_seeds_nothing_and_the_command_creates_the_admin_who_can_sign_in()
    {
        await using var app = new WorkflowsApp(environment: "Production");
        using var anonymous = Session.Anonymous(app);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.Client.GetAsync("/admin/definitions")).StatusCode);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            Assert.Equal(0, await db.Users.CountAsync());
            Assert.Equal(0, await db.Set<Unit>().CountAsync());
        }

        var (code, output, _) = await RunAsync(app.DataPath, "--user", "root", "--password", StrongPassword);

        Assert.Equal(0, code);
        Assert.Contains("已创建系统管理员“root”", output, StringComparison.Ordinal);
        using var admin = await Session.SignInAsync(app, "root", StrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/users")).StatusCode);
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var created = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditActions.UserCreate);
            Assert.Equal((AuditActor.Kinds.System, "create-admin"), (created.ActorKind, created.ActorName));
        }
    }

    [Theory]
    [InlineData("short1A!", "密码至少 10 个字符")]
    [InlineData("alllowercaseletters", "至少 3 种")]
    [InlineData("root-Admin-2026", "不能包含用户名")]
    [InlineData("Password@123", "常见密码")]
    public async Task A_weak_password_is_refused_with_the_rule_it_breaks(string password, string message)
    {
        var data = TempFolder.Create("create-admin");

        var (code, _, error) = await RunAsync(data, "--user", "root", "--password", password);

        Assert.Equal(1, code);
        Assert.Contains("未创建用户“root”", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_user_is_refused()
    {
        var data = TempFolder.Create("create-admin");
        Assert.Equal(0, (await RunAsync(data, "--user", "root", "--password", StrongPassword)).Code);

        var (code, _, error) = await RunAsync(data, "--user", "root", "--password", StrongPassword + "y");

        Assert.Equal(1, code);
        Assert.Contains("用户名“root”已存在", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_user_name_it_prints_the_usage()
    {
        var (code, _, error) = await RunAsync(TempFolder.Create("create-admin"));

        Assert.Equal(2, code);
        Assert.Contains("create-admin --user", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_binary_runs_the_command_and_reads_the_password_from_standard_input()
    {
        var data = TempFolder.Create("create-admin");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Workflows.Host.dll"), "create-admin", "--user", "chief"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Workflows__DataPath"] = data;
        start.Environment["Logging__Path"] = Path.Combine(data, "logs");
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(StrongPassword);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output} {error}");
        Assert.Contains("已创建系统管理员“chief”", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string dataPath, params string[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = [CreateAdminCommand.Name, .. options, "--environment", "Production", "--Workflows:DataPath", dataPath,
            "--Logging:Path", Path.Combine(dataPath, "logs")];
        var code = await CreateAdminCommand.RunAsync(args, new StringReader(""), output, error);
        return (code, output.ToString(), error.ToString());
    }
}
