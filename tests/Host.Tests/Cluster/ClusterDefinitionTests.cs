using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflows.Host.Tests.Infrastructure;
using static Workflows.Host.Tests.Infrastructure.Flowcharts;

namespace Workflows.Host.Tests.Cluster;

/// <summary>
/// Studio users on two hosts: publishing the same definition at the same moment (the per-definition lock is only
/// per process; across hosts the unique (DefinitionId, Version) index decides, and the loser hears 409, not 500),
/// and a publish on one host reaching the other host's next start.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class ClusterDefinitionTests(PostgreSqlServer server) : IDisposable
{
    private const int Rounds = 10;

    [Fact]
    public async Task Two_hosts_publishing_the_same_definition_at_the_same_moment_end_in_one_success_and_a_clear_409()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var hosts = await ClusterHosts.StartAsync(2, ClusterHosts.Environment(connectionString, TempFolder.Create("no-definitions")));
        try
        {
            var clients = hosts.Select(h => h.CreateApiClient()).ToArray();
            // The first save on each host pays for its start-up (JIT, pools); the races below should not.
            foreach (var (client, i) in clients.Select((c, i) => (c, i)))
                await client.SaveAsync(Model($"warm-up-{i}"), publish: true);

            var conflicts = 0;
            await using var db = ClusterHosts.Database(connectionString);
            for (var round = 0; round < Rounds; round++)
            {
                var definitionId = $"raced-{round}";
                var answers = await Task.WhenAll(clients.Select(c => PublishAsync(c, Model(definitionId))));

                Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)a.Status}: {a.Body}"));
                Assert.Contains(answers, a => a.Status == HttpStatusCode.OK);
                var versions = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).ToListAsync();
                Assert.Single(versions, v => v.IsLatest);
                Assert.Single(versions, v => v.IsPublished);
                Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Version).Order());
                if (answers.SingleOrDefault(a => a.Status == HttpStatusCode.Conflict) is { Body: { } refused })
                {
                    conflicts++;
                    // The loser wrote nothing: one version, the winner's.
                    Assert.Single(versions);
                    Assert.Contains("同时被另一请求修改", refused, StringComparison.Ordinal);
                    Assert.Contains("reload and try again", refused, StringComparison.Ordinal);
                }
            }
            // The two requests of a round are sent together; if none of ten rounds overlapped, the race was never tested.
            Assert.True(conflicts > 0, $"None of {Rounds} rounds raced: both saves succeeded one after the other every time.");
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_version_published_through_one_host_is_the_one_the_other_host_starts_next()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var hosts = await ClusterHosts.StartAsync(2, ClusterHosts.Environment(connectionString, TempFolder.Create("no-definitions")));
        try
        {
            var (editor, runner) = (hosts[0].CreateApiClient(), hosts[1].CreateApiClient());
            await editor.SaveAsync(Model("republished", "第一版"), publish: true);
            // The second host starts version 1 twice, so that its compiled graph would be reused if it were kept.
            var first = new[] { await runner.ExecuteAsync("republished"), await runner.ExecuteAsync("republished") };

            await editor.SaveAsync(Model("republished", "第二版"), publish: true);
            var second = await runner.ExecuteAsync("republished");

            await using var db = ClusterHosts.Database(connectionString);
            var versions = await db.Instances.AsNoTracking().Where(i => i.DefinitionId == "republished").ToDictionaryAsync(i => i.Id, i => i.Version);
            Assert.All(first, id => Assert.Equal(1, versions[id]));
            Assert.Equal(2, versions[second]);
        }
        finally
        {
            foreach (var host in hosts)
                await host.DisposeAsync();
        }
    }

    private static JsonObject Model(string definitionId, string text = "published") => Definition(definitionId, "并发发布",
        [Activity("start", "Elsa.Start"), Activity("write", "Elsa.WriteLine", ("text", Literal("String", text)))],
        [Connect("start", "write")]);

    private static async Task<(HttpStatusCode Status, string Body)> PublishAsync(HttpClient client, JsonObject model)
    {
        using var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = true });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => PostgreSqlServer.ReleaseConnections();
}
