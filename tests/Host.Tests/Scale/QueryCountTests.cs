using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Workspace;

namespace Workflows.Host.Tests.Scale;

/// <summary>
/// The lists and the dashboard cost a fixed number of SQL commands: the same at 20 cases as at 200 (with ten times the
/// compounds too), counted by an EF Core interceptor on the requests themselves.
/// </summary>
public sealed class QueryCountTests
{
    private static readonly string[] Paths =
        ["/cases", "/api/cases", "/api/cases?status=Open&q=%E6%B0%91", "/api/tasks?scope=below", "/api/tasks?scope=done", "/api/tasks?scope=unit", "/api/dashboard", "/dashboard"];

    [Fact]
    public async Task The_case_list_the_inbox_and_the_dashboard_issue_as_many_SQL_commands_at_200_cases_as_at_20()
    {
        await using var app = ScaleData.App(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<CommandCounter>();
            services.ConfigureDbContext<SqliteWorkflowsDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<CommandCounter>()));
        });
        await ScaleData.GenerateAsync(app, cases: 20, seed: 21, extraCompounds: 2);
        using var bureau = await Session.SignInAsync(app, "bureau.shihe");
        var counter = app.Service<CommandCounter>();
        var small = await CountAsync(bureau, counter, "small");

        await ScaleData.GenerateAsync(app, cases: 180, seed: 22, extraCompounds: 20);
        var large = await CountAsync(bureau, counter, "large");

        Assert.Equal(small, large);
        Assert.All(large, c => Assert.True(c.Value <= 8, $"{c.Key}: {c.Value} SQL commands"));
    }

    /// <summary>
    /// Commands per path, the fewest of three calls: the unit tree's periodic reload and the sign-in cookie's periodic
    /// re-check may add one to a call now and then, and neither depends on the data.
    /// </summary>
    private static async Task<Dictionary<string, int>> CountAsync(Session session, CommandCounter counter, string round)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in Paths)
        {
            var fewest = int.MaxValue;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var token = $"{round}:{path}:{attempt}";
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add(CommandCounter.Header, token);
                using var response = await session.Client.SendAsync(request);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
                fewest = Math.Min(fewest, counter.Of(token));
            }
            counts[path] = fewest;
        }
        return counts;
    }
}
