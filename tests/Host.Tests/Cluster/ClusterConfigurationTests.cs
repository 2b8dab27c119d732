using Microsoft.Extensions.Options;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Cluster;

public sealed class ClusterConfigurationTests
{
    [Fact]
    public async Task PostgreSql_without_a_connection_string_stops_the_start_naming_the_setting()
    {
        await using var app = new WorkflowsApp(settings: new Dictionary<string, string?>
        {
            ["Workflows:Database"] = "PostgreSql",
            ["ConnectionStrings:Workflows"] = "",
        });
        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());
        Assert.Contains("ConnectionStrings:Workflows", error.Message);
        Assert.Contains("PostgreSql", error.Message);
    }
}
