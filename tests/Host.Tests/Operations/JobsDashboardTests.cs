using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Scheduling;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Host.Tests.Workspace;

namespace Workflows.Host.Tests.Operations;

/// <summary>Hangfire's dashboard at /admin/jobs: admins only, and a timer job that kept failing is there to see and retry.</summary>
public sealed class JobsDashboardTests : IAsyncLifetime
{
    private readonly WorkflowsApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Jobs_dashboard_is_for_admins_anonymous_callers_are_sent_to_sign_in_and_officers_are_denied()
    {
        using var anonymous = Session.Anonymous(_app);
        using var officer = await Session.SignInAsync(_app, "bureau.shihe");
        using var admin = await Session.SignInAsync(_app, "admin");

        using var anonymousPage = await anonymous.Client.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.StartsWith("http://localhost/account/login", anonymousPage.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var officerPage = await officer.Client.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.Redirect, officerPage.StatusCode);
        Assert.StartsWith("http://localhost/account/denied", officerPage.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var denied = await officer.Client.GetAsync(officerPage.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        // The dashboard's own data calls are refused too, not only its first page.
        using var officerStats = await officer.SendAsync(HttpMethod.Post, "/admin/jobs/stats");
        Assert.NotEqual(HttpStatusCode.OK, officerStats.StatusCode);

        using var adminPage = await admin.Client.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.Contains("作业调度", await adminPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The database password of cluster mode is never shown.
        Assert.DoesNotContain("Data Source=", await adminPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timer_job_that_failed_all_its_retries_is_listed_as_failed_with_its_error_and_retries()
    {
        var client = _app.CreateApiClient();
        await client.SaveAsync(Flowcharts.DelayThenWrite("delay-broken", "00:10:00"), publish: true);
        await client.ExecuteAsync("delay-broken");
        // The database refuses to move the timer: every firing throws, as when a disk or a lock keeps failing.
        await using (var scope = _app.Scope())
            await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse_timer_update BEFORE UPDATE ON Timers BEGIN SELECT RAISE(ABORT, 'timer store refused the update'); END;");
        _app.Clock.Advance(TimeSpan.FromMinutes(10));

        var storage = _app.Service<JobStorage>();
        var jobs = _app.Service<IBackgroundJobClient>();
        var jobId = await WaitForAsync(() => storage.GetMonitoringApi().ScheduledJobs(0, 100)
            .FirstOrDefault(j => j.Value.Job?.Method.Name == nameof(TimerJobs.FireAsync)).Key);
        // Hangfire waits longer and longer between retries (minutes, then hours); run each retry now instead.
        var state = await WaitForAsync(() =>
        {
            using var connection = storage.GetConnection();
            var current = connection.GetStateData(jobId)?.Name;
            if (current == "Scheduled") jobs.Requeue(jobId);
            return current == "Failed" ? current : null;
        });
        Assert.Equal("Failed", state);

        using var admin = await Session.SignInAsync(_app, "admin");
        var failedList = await admin.Client.GetStringAsync("/admin/jobs/jobs/failed");
        Assert.Contains($"/admin/jobs/jobs/details/{jobId}", failedList, StringComparison.Ordinal);
        Assert.Contains("TimerJobs.FireAsync", failedList, StringComparison.Ordinal);
        var details = await admin.Client.GetStringAsync($"/admin/jobs/jobs/details/{jobId}");
        Assert.Contains("timer store refused the update", details, StringComparison.Ordinal);
        Assert.Contains("Retry attempt 5 of 5", details, StringComparison.Ordinal);
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } value) return value;
            await Task.Delay(100);
        }
        throw new TimeoutException("condition not met within 3 minutes");
    }
}
