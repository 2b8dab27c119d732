using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Host.Persistence;
using Workflows.Host.Tests.Infrastructure;
using Workflows.Runtime.Activities;
using Workflows.Runtime.Definitions;
using Workflows.Runtime.Validation;

namespace Workflows.Host.Tests.Procedures;

/// <summary>One host for the theory: the shipped definitions are imported on its start.</summary>
public sealed class DefinitionsHostFixture : IAsyncLifetime
{
    public WorkflowsApp App { get; } = new(definitionsPath: RepoPaths.Definitions);

    public Task InitializeAsync()
    {
        _ = App.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class DefinitionFilesTests(DefinitionsHostFixture fixture) : IClassFixture<DefinitionsHostFixture>
{
    private static List<string> FileNames => [.. Directory.EnumerateFiles(RepoPaths.Definitions, "*.json").Select(f => Path.GetFileName(f)).Order()];

    public static TheoryData<string> Files => new(FileNames);

    [Fact]
    public void Definitions_folder_holds_one_file_per_procedure() =>
        Assert.Equal(
            ["committee-reelection.json", "complaint-escalation.json", "contract-filing.json", "emergency-takeover.json",
             "first-owners-assembly.json", "handover-inspection-filing.json", "joint-meeting.json",
             "property-company-selection.json", "star-rating.json", "unlawful-decision-correction.json"],
            FileNames);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Definition_file_validates_for_publish_and_is_laid_out_for_the_designer(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Definitions, file));
        var definition = DefinitionJson.Deserialize(text);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), definition.DefinitionId);
        var validator = fixture.App.Services.GetRequiredService<DefinitionValidator>();
        var errors = validator.ValidateForPublish(definition);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.ActivityId}.{e.Property}: {e.Message}")));

        var registry = fixture.App.Services.GetRequiredService<ActivityRegistry>();
        var root = definition.Root!;
        var positions = new HashSet<(double, double)>();
        foreach (var activity in ActivityJson.Children(root))
        {
            var id = ActivityJson.Id(activity)!;
            Assert.Equal($"Workflow1:flow1:{id}", ActivityJson.NodeId(activity));
            Assert.False(string.IsNullOrWhiteSpace(ActivityJson.Name(activity)), $"{id} has no name");
            var metadata = activity["metadata"]!.AsObject();
            var position = metadata["designer"]!["position"]!;
            Assert.True(positions.Add((position["x"]!.GetValue<double>(), position["y"]!.GetValue<double>())), $"{id} overlaps another activity");
            Assert.False(string.IsNullOrWhiteSpace((string?)metadata["displayText"]), $"{id} has no displayText");
            var type = ActivityJson.Type(activity)!;
            Assert.NotNull(registry.Find(type, ActivityJson.Version(activity)));
            if (type.StartsWith("Pm.", StringComparison.Ordinal) && type is not ("Pm.Notify" or "Pm.CreditRecord"))
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)metadata["description"]), $"{id} does not state its legal source");
                Assert.True(metadata["showDescription"]?.GetValue<bool>() == true, $"{id} hides its description");
            }
        }

        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
        Assert.True(await db.Definitions.AnyAsync(d => d.DefinitionId == definition.DefinitionId && d.IsPublished),
            $"{file} was not imported at start-up");
    }

    [Fact]
    public void Property_management_activities_have_elsa_descriptors_with_chinese_inputs()
    {
        var registry = fixture.App.Services.GetRequiredService<ActivityRegistry>();
        var pm = registry.Descriptors.Where(d => d.TypeName.StartsWith("Pm.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Pm.CreditRecord", "Pm.Escalate", "Pm.FilingWindow", "Pm.Notify", "Pm.OfficerTask", "Pm.OwnersVote"],
            pm.Select(d => d.TypeName).Order());
        foreach (var descriptor in pm)
        {
            Assert.Equal("物业管理", descriptor.Category);
            Assert.True(descriptor.IsBrowsable);
            Assert.NotEmpty(descriptor.Ports);
            Assert.All(descriptor.Inputs, i =>
            {
                Assert.True(i.IsBrowsable);
                Assert.False(string.IsNullOrWhiteSpace(i.UiHint));
                Assert.Contains(i.DisplayName, c => c > 0x2E80);
            });
        }
        var task = pm.Single(d => d.TypeName == "Pm.OfficerTask");
        Assert.Equal("dynamic-outcomes", task.FindInput("Outcomes")!.UiHint);
        Assert.Equal("dropdown", task.FindInput("Role")!.UiHint);
    }
}
