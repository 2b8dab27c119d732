using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Foundation;

public abstract class ProcessRestartTests(TestDatabase database) : ProviderTests(database)
{
    [Fact]
    public async Task Fifteen_day_timer_survives_the_death_of_its_host_process()
    {
        var environment = TestDatabase.AsEnvironment(await Database.NewAsync());
        environment["Definitions__Path"] = TempFolder.Create("process-restart-defs");
        environment["Logging__Path"] = TempFolder.Create("process-restart-logs");
        string instanceId;
        await using (var first = await HostProcess.StartAsync(environment))
        {
            var client = first.CreateApiClient();
            await client.SaveAsync(Flowcharts.DelayThenWrite("delay-process", "15.00:00:00"), publish: true);
            instanceId = await client.ExecuteAsync("delay-process");
            Assert.Equal("Suspended", await client.SubStatusAsync(instanceId));
            await first.KillAsync();
        }

        await using var second = await HostProcess.StartAsync(environment);
        var again = second.CreateApiClient();
        Assert.Equal("Suspended", await again.SubStatusAsync(instanceId));
        // The new process's rehearsal clock starts at the real now; fifteen days later the timer is due.
        var response = await again.PostAsJsonAsync("/api/dev/clock/advance", new { days = 15, hours = 1 });
        var fired = (await response.Content.ReadFromJsonAsync<JsonObject>())!["fired"]!.GetValue<int>();
        Assert.Equal(1, fired);
        Assert.Equal("Finished", await again.SubStatusAsync(instanceId));
    }
}

public sealed class SqliteProcessRestartTests() : ProcessRestartTests(TestDatabase.Sqlite);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlProcessRestartTests(PostgreSqlServer server) : ProcessRestartTests(new PostgreSqlTestDatabase(server));
