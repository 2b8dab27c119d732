using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;

namespace Workflows.Host.Tests.Foundation;

public abstract class ImportTests(TestDatabase database) : ProviderTests(database)
{
    private static async Task WriteAsync(string folder, string file, System.Text.Json.Nodes.JsonObject definition) =>
        await File.WriteAllTextAsync(Path.Combine(folder, file), definition.ToJsonString());

    private static async Task<List<(string DefinitionId, int Version, bool IsPublished)>> VersionsAsync(WorkflowsApp app)
    {
        await using var scope = app.Scope();
        var rows = await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().Definitions
            .OrderBy(d => d.DefinitionId).ThenBy(d => d.Version).ToListAsync();
        return rows.Select(r => (r.DefinitionId, r.Version, r.IsPublished)).ToList();
    }

    [Fact]
    public async Task Definitions_folder_import_adds_changed_files_skips_unchanged_and_reports_invalid_ones()
    {
        var database = await Database.NewAsync();
        var folder = TempFolder.Create("import-defs");
        await WriteAsync(folder, "a.json", Flowcharts.DelayThenWrite("a", "1.00:00:00"));
        await WriteAsync(folder, "b.json", Flowcharts.DelayThenWrite("b", "1.00:00:00"));
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), "{ \"definitionId\": \"broken\", \"root\": ");

        await using (var first = App(database, definitionsPath: folder))
            Assert.Equal([("a", 1, true), ("b", 1, true)], await VersionsAsync(first));

        await WriteAsync(folder, "b.json", Flowcharts.DelayThenWrite("b", "2.00:00:00"));
        await using var second = App(database, definitionsPath: folder);
        Assert.Equal([("a", 1, true), ("b", 1, false), ("b", 2, true)], await VersionsAsync(second));
    }
}

public sealed class SqliteImportTests() : ImportTests(TestDatabase.Sqlite);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlImportTests(PostgreSqlServer server) : ImportTests(new PostgreSqlTestDatabase(server));
