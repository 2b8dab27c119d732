using Microsoft.Extensions.Options;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Foundation;

public abstract class ConfigurationTests(TestDatabase database) : ProviderTests(database)
{
    [Theory]
    [InlineData("Scheduling:WorkerCount", "0", "Scheduling:WorkerCount")]
    [InlineData("Scheduling:SweepCron", "every minute", "Scheduling:SweepCron")]
    [InlineData("Workflows:Database", "Oracle", "Workflows:Database")]
    [InlineData("Security:ApiKeys:0:Sha256", "dev-api-key", "Security:ApiKeys:0:Sha256")]
    [InlineData("Notifications:RetryDelays", "1m, soon", "Notifications:RetryDelays")]
    [InlineData("Notifications:Lease", "10s", "Notifications:Lease")]
    [InlineData("Notifications:SendAt", "9am", "Notifications:SendAt")]
    [InlineData("Notifications:ReminderDays", "5,-1", "Notifications:ReminderDays")]
    public async Task Bad_setting_stops_the_start_with_a_message_naming_it(string key, string value, string named)
    {
        await using var app = await NewAppAsync(new Dictionary<string, string?> { [key] = value, ["Security:ApiKeys:0:Name"] = "x" });
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains(named, error.Message);
    }
}

public sealed class SqliteConfigurationTests() : ConfigurationTests(TestDatabase.Sqlite);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlConfigurationTests(PostgreSqlServer server) : ConfigurationTests(new PostgreSqlTestDatabase(server));
